package dev.retort.spring;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/retort}: the database's revisions, the migrations' heads, what is pending, and every revision
 * with whether it is applied and, from the revision history beside the version table, when and by whom.
 */
@Endpoint(id = "retort")
public class RetortEndpoint {

    private final RetortMigrator migrator;

    public RetortEndpoint(RetortMigrator migrator) {
        this.migrator = migrator;
    }

    @ReadOperation
    public RetortMigrator.Status revisions() {
        return migrator.status();
    }
}
