package dev.retort.journal.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * Ciphertext the client encrypted (an attachment, an encrypted entry body): the nonce and the associated
 * data are stored beside it; the content type and size are the only plaintext.
 */
@Entity
@Table(name = "vault_blobs", indexes = @Index(name = "ix_vault_blobs_user", columnList = "user_id"))
@Check(name = "ck_vault_blobs_nonce_length", constraints = "octet_length(nonce) in (12, 24)")
@Check(name = "ck_vault_blobs_size", constraints = "size_bytes >= 0")
public class VaultBlob {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = "fk_vault_blobs_user"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private User user;

    @Column(nullable = false)
    private byte[] ciphertext;

    @Column(nullable = false)
    private byte[] nonce;

    @Column(name = "associated_data")
    private byte[] associatedData;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "created_at", nullable = false)
    @ColumnDefault("now()")
    private OffsetDateTime createdAt;

    public UUID getId() {
        return id;
    }

    public void setUser(User user) {
        this.user = user;
    }

    public void store(byte[] ciphertext, byte[] nonce, byte[] associatedData, String contentType) {
        this.ciphertext = ciphertext.clone();
        this.nonce = nonce.clone();
        this.associatedData = associatedData == null ? null : associatedData.clone();
        this.contentType = contentType;
        this.sizeBytes = ciphertext.length;
    }
}
