package dev.retort.journal.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * The server's state between the two round trips of an OPAQUE login (the password never reaches the
 * server). Short-lived: the session id is chosen by the server at random, and expired rows are purged.
 */
@Entity
@Table(name = "opaque_sessions", indexes = {
    @Index(name = "ix_opaque_sessions_expires_at", columnList = "expires_at"),
    @Index(name = "ix_opaque_sessions_user", columnList = "user_id")
})
@Check(name = "ck_opaque_sessions_expiry", constraints = "expires_at > created_at")
@Comment("OPAQUE password-authenticated key exchange: server login state")
public class OpaqueSession {

    @Id
    @Column(name = "session_id", nullable = false)
    private UUID sessionId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = "fk_opaque_sessions_user"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private User user;

    @Column(name = "server_state", nullable = false)
    @Comment("Serialized OPAQUE server login state (KE2 pending KE3)")
    private byte[] serverState;

    @Column(name = "created_at", nullable = false)
    @ColumnDefault("now()")
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    protected OpaqueSession() {
    }

    public OpaqueSession(User user, byte[] serverState, OffsetDateTime expiresAt) {
        this.sessionId = UUID.randomUUID();
        this.user = user;
        this.serverState = serverState.clone();
        this.createdAt = OffsetDateTime.now();
        this.expiresAt = expiresAt;
    }

    public UUID getSessionId() {
        return sessionId;
    }

    public boolean isExpired(OffsetDateTime now) {
        return !now.isBefore(expiresAt);
    }
}
