package dev.retort.autogenerate.postgres;

import dev.retort.autogenerate.SchemaPlatform;
import dev.retort.catalog.Catalog;
import dev.retort.catalog.CatalogFilter;
import dev.retort.catalog.CatalogReader;
import dev.retort.diff.ComparisonDialect;
import dev.retort.diff.Diff;
import dev.retort.diff.ServerSpellings;
import dev.retort.diff.Warning;
import dev.retort.hibernate.HibernateTarget;
import dev.retort.op.Operation;
import dev.retort.platform.Platform;
import dev.retort.platform.postgres.PostgresIdentifiers;
import dev.retort.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** PostgreSQL's schema side: {@code pg_catalog}, its spellings asked of the server, Hibernate's PostgreSQLDialect. */
public final class PostgresSchemaPlatform implements SchemaPlatform {

    public static final PostgresSchemaPlatform INSTANCE = new PostgresSchemaPlatform();

    private PostgresSchemaPlatform() {
    }

    @Override
    public Platform runtime() {
        return Platform.postgres();
    }

    @Override
    public HibernateTarget hibernate() {
        return PostgresNames.INSTANCE;
    }

    @Override
    public CatalogReader catalogReader(CatalogFilter filter) {
        return new PostgresCatalogReader(filter);
    }

    @Override
    public ServerSpellings spellings(Connection connection, Schema desired, Schema actual) throws SQLException {
        return new PostgresSpellingProbe().canonicalize(connection, desired, actual);
    }

    @Override
    public ComparisonDialect comparison(ServerSpellings spellings) {
        return new PostgresComparisonDialect(spellings);
    }

    @Override
    public Diff restorableSpelling(Connection connection, Diff diff) throws SQLException {
        return new PostgresDowngradeSpelling().apply(connection, diff);
    }

    @Override
    public List<Warning> unenforced(Catalog catalog) {
        List<Warning> warnings = new ArrayList<>();
        for (Catalog.Unenforced u : catalog.unenforced()) {
            String name = PostgresIdentifiers.quote(u.name());
            warnings.add(u.constraint()
                    ? new Warning(Warning.Kind.NOT_VALID_CONSTRAINT, u.table(), null, "Constraint " + u.name() + " on "
                        + u.table() + " is NOT VALID: it holds for rows written since it was added, but the rows before "
                        + "were never checked. Validate it when they are known to comply (ALTER TABLE "
                        + PostgresIdentifiers.quote(u.table()) + " VALIDATE CONSTRAINT " + name + ";), through a "
                        + "migration.")
                    : new Warning(Warning.Kind.INVALID_INDEX, u.table(), null, "Index " + u.name() + " on " + u.table()
                        + " is INVALID (an interrupted or failed CREATE INDEX CONCURRENTLY): PostgreSQL maintains it on "
                        + "every write but never uses it. Rebuild it (REINDEX INDEX CONCURRENTLY " + name + ";), or drop "
                        + "it (DROP INDEX CONCURRENTLY " + name + ";) and run again the revision that creates it."));
        }
        return warnings;
    }

    @Override
    public Warning rulesOnly(Connection connection, String why) throws SQLException {
        String role = connection.getMetaData().getUserName();
        String database = connection.getCatalog();
        return new Warning(Warning.Kind.RULES_ONLY, null, null, "PostgreSQL was not asked how it spells the "
                + "entities' types, defaults and check constraints: " + why + ". Retort compared "
                + "them with its own rewrite rules, so a change of a type, a default or a check above may be one "
                + "of spelling only. Let the role create temporary tables (GRANT TEMPORARY ON DATABASE "
                + PostgresIdentifiers.quote(database) + " TO " + PostgresIdentifiers.quote(role) + ") and run "
                + "again.");
    }

    @Override
    public List<Warning> dataWarnings(Connection connection, List<Operation> operations, Duration timeout)
            throws SQLException {
        return new PostgresDataChecks(timeout).run(connection, operations);
    }
}
