package dev.retort.journal.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import java.util.UUID;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * A tag the server must not be able to read: the client stores only HMAC-SHA-256(tag key, tag), so equal
 * tags can be matched without the server learning the tag.
 */
@Entity
@Table(name = "secret_tags",
        uniqueConstraints = @UniqueConstraint(name = "uq_secret_tags_user_hash", columnNames = {"user_id", "tag_hash"}))
@Check(name = "ck_secret_tags_hash_length", constraints = "octet_length(tag_hash) = 32")
@Comment("End-to-end encrypted tags: only a keyed hash reaches the server")
public class SecretTag {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = "fk_secret_tags_user"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private User user;

    @Column(name = "tag_hash", nullable = false)
    @Comment("HMAC-SHA-256 of the tag under the tag key of its user")
    private byte[] tagHash;

    @Column(name = "key_version", nullable = false)
    private int keyVersion;

    @Column(name = "created_at", nullable = false)
    @ColumnDefault("now()")
    private OffsetDateTime createdAt;

    public UUID getId() {
        return id;
    }

    public void setUser(User user) {
        this.user = user;
    }

    public byte[] getTagHash() {
        return tagHash.clone();
    }

    public void setTagHash(byte[] tagHash, int keyVersion) {
        this.tagHash = tagHash.clone();
        this.keyVersion = keyVersion;
    }
}
