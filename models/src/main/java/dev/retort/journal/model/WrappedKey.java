package dev.retort.journal.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.OffsetDateTime;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** A user's data key, wrapped by a key-encryption key the server never sees; one row per key version. */
@Entity
@Table(name = "wrapped_keys",
        uniqueConstraints = @UniqueConstraint(name = "uq_wrapped_keys_user_version", columnNames = {"user_id", "key_version"}))
@Check(name = "ck_wrapped_keys_version_positive", constraints = "key_version > 0")
public class WrappedKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = "fk_wrapped_keys_user"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private KeyAlgorithm algorithm;

    @Column(name = "key_version", nullable = false)
    private int keyVersion;

    @Column(name = "wrapped_key", nullable = false)
    private byte[] wrappedKey;

    @Column(name = "created_at", nullable = false)
    @ColumnDefault("now()")
    private OffsetDateTime createdAt;

    @Column(name = "rotated_at")
    private OffsetDateTime rotatedAt;

    public Long getId() {
        return id;
    }

    public void setUser(User user) {
        this.user = user;
    }

    public void wrap(KeyAlgorithm algorithm, int keyVersion, byte[] wrappedKey) {
        this.algorithm = algorithm;
        this.keyVersion = keyVersion;
        this.wrappedKey = wrappedKey.clone();
    }

    public void markRotated() {
        rotatedAt = OffsetDateTime.now();
    }
}
