package dev.retort.journal.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;

/** Fires an alert when {@code metric comparison threshold} holds over {@code window_seconds}. */
@Entity
@Table(name = "alert_rules", uniqueConstraints = @UniqueConstraint(name = "uq_alert_rules_name", columnNames = "name"))
@Check(name = "ck_alert_rules_window", constraints = "window_seconds > 0")
public class AlertRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 100)
    private String metric;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Comparison comparison;

    @Column(nullable = false, precision = 18, scale = 4)
    private BigDecimal threshold;

    @Column(name = "window_seconds", nullable = false)
    private int windowSeconds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Severity severity;

    @Column(nullable = false)
    @ColumnDefault("true")
    private boolean enabled = true;

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void define(String name, String metric, Comparison comparison, BigDecimal threshold, int windowSeconds,
                       Severity severity) {
        this.name = name;
        this.metric = metric;
        this.comparison = comparison;
        this.threshold = threshold;
        this.windowSeconds = windowSeconds;
        this.severity = severity;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
