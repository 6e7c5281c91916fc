package dev.retort.autogenerate.mariadb;

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
import dev.retort.schema.Index;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB's schema side: {@code information_schema}, its spelling rules, Hibernate's {@code MariaDBDialect}. MariaDB
 * is not asked how it spells (its rules cover what Hibernate writes), its checks are all enforced, and its rows are
 * asked what a change would meet ({@link MariaDbDataChecks}).
 */
public final class MariaDbSchemaPlatform implements SchemaPlatform {

    public static final MariaDbSchemaPlatform INSTANCE = new MariaDbSchemaPlatform();

    private MariaDbSchemaPlatform() {
    }

    @Override
    public Platform runtime() {
        return Platform.mariadb();
    }

    @Override
    public HibernateTarget hibernate() {
        return MariaDbNames.INSTANCE;
    }

    @Override
    public CatalogReader catalogReader(CatalogFilter filter) {
        return new MariaDbCatalogReader(filter);
    }

    @Override
    public ServerSpellings spellings(Connection connection, Schema desired, Schema actual) {
        return ServerSpellings.NONE;
    }

    @Override
    public ComparisonDialect comparison(ServerSpellings spellings) {
        return new MariaDbComparisonDialect();
    }

    @Override
    public Diff restorableSpelling(Connection connection, Diff diff) {
        return diff;
    }

    @Override
    public List<Warning> unenforced(Catalog catalog) {
        return List.of();
    }

    @Override
    public Warning rulesOnly(Connection connection, String why) {
        return new Warning(Warning.Kind.RULES_ONLY, null, null, "MariaDB's spellings were compared by Retort's rules: "
                + why + ".");
    }

    @Override
    public List<Warning> dataWarnings(Connection connection, List<Operation> operations, Duration timeout)
            throws java.sql.SQLException {
        return new MariaDbDataChecks(timeout).run(connection, operations);
    }

    /**
     * The entities' schema as MariaDB keeps it: a unique index is MariaDB's unique constraint (one object, listed
     * as both), so a unique index on plain columns is compared as the constraint the catalog reads.
     */
    @Override
    public Schema desired(Schema schema) {
        List<Table> tables = new ArrayList<>();
        for (Table t : schema.tables()) {
            List<Index> indexes = new ArrayList<>();
            List<UniqueConstraint> uniques = new ArrayList<>(t.uniqueConstraints());
            for (Index index : t.indexes()) {
                boolean plain = index.isUnique() && index.where() == null && index.method() == null
                        && index.include().isEmpty() && index.elements().stream()
                        .allMatch(e -> !e.isExpression() && !e.descending());
                if (plain && index.name() != null) {
                    uniques.add(UniqueConstraint.of(index.name(), index.elements().stream()
                            .map(e -> e.column()).toArray(String[]::new)));
                } else {
                    indexes.add(index);
                }
            }
            tables.add(new Table(t.name(), t.columns(), t.primaryKey(), uniques, indexes, t.foreignKeys(), t.checks(),
                    t.comment()));
        }
        return new Schema(schema.name(), tables, schema.sequences(), schema.enumTypes(), schema.views());
    }
}
