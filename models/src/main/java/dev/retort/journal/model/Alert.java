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
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.Check;

/** An alert a rule fired; open until {@code resolved_at} is set. A rule with alerts cannot be deleted. */
@Entity
@Table(name = "alerts", indexes = @Index(name = "ix_alerts_rule_fired", columnList = "rule_id, fired_at"))
@Check(name = "ck_alerts_resolution", constraints = "resolved_at is null or resolved_at >= fired_at")
public class Alert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "rule_id", nullable = false, foreignKey = @ForeignKey(name = "fk_alerts_rule"))
    private AlertRule rule;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Severity severity;

    @Column(nullable = false, columnDefinition = "text")
    private String message;

    @Column(name = "fired_at", nullable = false)
    private OffsetDateTime firedAt;

    @Column(name = "resolved_at")
    private OffsetDateTime resolvedAt;

    public Long getId() {
        return id;
    }

    public void fire(AlertRule rule, Severity severity, String message) {
        this.rule = rule;
        this.severity = severity;
        this.message = message;
        this.firedAt = OffsetDateTime.now();
    }

    public void resolve() {
        resolvedAt = OffsetDateTime.now();
    }
}
