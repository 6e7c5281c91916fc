package dev.retort.spring;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** DOWN while the database is not at the migrations' head (say, after a deployment that skipped the migration). */
public class RetortHealthIndicator extends AbstractHealthIndicator {

    private final RetortMigrator migrator;

    public RetortHealthIndicator(RetortMigrator migrator) {
        super("Retort cannot read the database's revision");
        this.migrator = migrator;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        RetortMigrator.Status status = migrator.status();
        (status.atHead() ? builder.up() : builder.down())
                .withDetail("current", status.current())
                .withDetail("heads", status.heads())
                .withDetail("pending", status.pending());
    }
}
