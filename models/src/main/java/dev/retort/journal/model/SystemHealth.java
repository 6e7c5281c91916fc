package dev.retort.journal.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Map;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One health check of one component, with whatever metrics it reported (JSON). */
@Entity
@Table(name = "system_health", indexes = @Index(name = "ix_system_health_component_checked", columnList = "component, checked_at"))
public class SystemHealth {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String component;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private HealthStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> metrics;

    @Column(name = "checked_at", nullable = false)
    @ColumnDefault("now()")
    private OffsetDateTime checkedAt;

    public Long getId() {
        return id;
    }

    public void record(String component, HealthStatus status, Map<String, Object> metrics) {
        this.component = component;
        this.status = status;
        this.metrics = Map.copyOf(metrics);
        this.checkedAt = OffsetDateTime.now();
    }
}
