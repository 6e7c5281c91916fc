package dev.retort.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.retort.autogenerate.postgres.PostgresCatalogReader;
import dev.retort.autogenerate.postgres.PostgresComparisonDialect;
import dev.retort.autogenerate.postgres.PostgresDowngradeSpelling;
import dev.retort.autogenerate.postgres.PostgresSpellingProbe;
import dev.retort.catalog.CatalogFilter;
import dev.retort.ddl.SqlStatement;
import dev.retort.op.Operation;
import dev.retort.platform.postgres.PostgresDialect;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.TableElement;
import dev.retort.schema.UniqueConstraint;
import dev.retort.testkit.CatalogSnapshot;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The comparator's ordering as a property: for random pairs of schemas with several levels of foreign keys
 * (and some cycles), where the second drops, re-keys, re-types and re-targets what the first references, the
 * generated operations apply to a real database in one transaction, leave nothing to detect against the
 * second schema, and their reverses, run backwards as a generated downgrade runs them, give back the first
 * catalog in its stored text. The seeds are fixed, so a failure names a reproducible case.
 */
@ExtendWith(FreshDatabase.class)
@DisplayName("Random schema pairs with references between tables")
class DependencyOrderPropertyTest {

    private static final int CASES = 120;
    private static final PostgresDialect DDL = new PostgresDialect();
    private static final CatalogFilter FILTER = CatalogFilter.of("retort_version");
    private static final List<String> ID_TYPES = List.of("integer", "bigint", "character varying(16)");

    @Test
    @DisplayName("upgrade to the second and downgrade back to the first, in dependency order")
    void upgradeAndDowngrade(TestDatabase db) throws Exception {
        int changed = 0;
        try (Connection c = db.connect()) {
            for (long seed = 1; seed <= CASES; seed++) {
                Random random = new Random(seed);
                Model v1 = Model.random(random);
                Model v2 = v1.copy();
                List<String> mutations = v2.mutate(random);
                if (runCase(db, c, seed, v1, v2, mutations)) {
                    changed++;
                }
            }
        }
        assertTrue(changed > CASES * 3 / 4, "most random pairs differ: " + changed + " of " + CASES);
    }

    /** Runs one pair; whether the pair differed at all. */
    private static boolean runCase(TestDatabase db, Connection c, long seed, Model v1, Model v2,
            List<String> mutations) throws SQLException {
        String context = "seed " + seed + ", mutations " + mutations + "\nv1: " + v1 + "\nv2: " + v2;
        db.execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
        Schema first = v1.schema();
        Schema second = v2.schema();
        run(c, compare(c, first).operations(), context + "\ncreating v1");
        CatalogSnapshot before = db.snapshot();

        Diff upgrade = new PostgresDowngradeSpelling().apply(c, compare(c, second));
        List<Operation> ops = upgrade.operations();
        String plan = context + "\nplan:\n  " + String.join("\n  ", ops.stream().map(Operation::describe).toList());
        run(c, ops, plan + "\nupgrade");
        Diff after = compare(c, second);
        assertTrue(after.isEmpty(), () -> plan + "\nleft after the upgrade: "
                + after.operations().stream().map(Operation::describe).toList());

        List<Operation> down = new ArrayList<>();
        for (int i = ops.size() - 1; i >= 0; i--) {
            down.add(ops.get(i).reverse());
        }
        run(c, down, plan + "\ndowngrade");
        assertEquals(before, db.snapshot(), () -> plan + "\nthe downgrade does not give back v1's catalog");
        return !ops.isEmpty();
    }

    private static Diff compare(Connection c, Schema desired) throws SQLException {
        Schema actual = new PostgresCatalogReader(FILTER).read(c);
        ServerSpellings forms = new PostgresSpellingProbe().canonicalize(c, desired, actual);
        return new SchemaComparator(new PostgresComparisonDialect(forms)).compare(desired, actual);
    }

    /** Runs the statements of {@code ops} in one transaction, rolled back on the first failure. */
    private static void run(Connection c, List<Operation> ops, String context) throws SQLException {
        c.setAutoCommit(false);
        try (java.sql.Statement st = c.createStatement()) {
            for (Operation op : ops) {
                for (SqlStatement statement : DDL.statements(op)) {
                    try {
                        st.execute(statement.sql());
                    } catch (SQLException e) {
                        c.rollback();
                        fail(context + "\nfailed at " + op.describe() + ": " + statement.sql() + "\n" + e.getMessage());
                    }
                }
            }
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** A reference from one table's column to another table's key (its id or its unique code). */
    private static final class Ref {
        String column;
        String target;
        boolean toCode;
        String fkName;
        String orphanType;

        Ref(String column, String target, boolean toCode, String fkName) {
            this.column = column;
            this.target = target;
            this.toCode = toCode;
            this.fkName = fkName;
        }

        Ref copy() {
            Ref r = new Ref(column, target, toCode, fkName);
            r.orphanType = orphanType;
            return r;
        }
    }

    private static final class TableSpec {
        String name;
        String idColumn = "id";
        String idType;
        String pkName;
        Integer codeLength;
        final List<Ref> refs = new ArrayList<>();

        TableSpec copy() {
            TableSpec t = new TableSpec();
            t.name = name;
            t.idColumn = idColumn;
            t.idType = idType;
            t.pkName = pkName;
            t.codeLength = codeLength;
            refs.forEach(r -> t.refs.add(r.copy()));
            return t;
        }
    }

    /** A small relational model the mutations edit and {@link #schema()} turns into Retort's schema model. */
    private static final class Model {
        final Map<String, TableSpec> tables = new LinkedHashMap<>();
        int fresh;

        static Model random(Random random) {
            Model m = new Model();
            int n = 3 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                m.addTable(random, "t" + i);
            }
            // A few references back to later tables, so some plans must break cycles.
            if (random.nextInt(4) == 0) {
                List<String> names = new ArrayList<>(m.tables.keySet());
                TableSpec first = m.tables.get(names.get(0));
                m.addRef(random, first, m.tables.get(names.get(names.size() - 1)));
            }
            return m;
        }

        void addTable(Random random, String name) {
            TableSpec t = new TableSpec();
            t.name = name;
            t.idType = ID_TYPES.get(random.nextInt(ID_TYPES.size()));
            t.pkName = name + "_pkey";
            t.codeLength = random.nextBoolean() ? 8 + 4 * random.nextInt(2) : null;
            for (TableSpec earlier : tables.values()) {
                if (random.nextInt(5) < 3) {
                    addRef(random, t, earlier);
                }
            }
            tables.put(name, t);
        }

        void addRef(Random random, TableSpec from, TableSpec to) {
            boolean toCode = to.codeLength != null && random.nextInt(3) == 0;
            String column = to.name + "_ref" + (fresh++);
            from.refs.add(new Ref(column, to.name, toCode, "fk_" + from.name + "_" + column));
        }

        Model copy() {
            Model m = new Model();
            tables.forEach((k, v) -> m.tables.put(k, v.copy()));
            m.fresh = fresh;
            return m;
        }

        /** Applies one to three random edits of the kinds that must be ordered carefully; their names. */
        List<String> mutate(Random random) {
            List<String> done = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                List<TableSpec> all = new ArrayList<>(tables.values());
                TableSpec t = all.get(random.nextInt(all.size()));
                switch (random.nextInt(9)) {
                    case 0 -> {
                        if (tables.size() > 2) {
                            dropTable(random, t);
                            done.add("drop " + t.name);
                        }
                    }
                    case 1 -> {
                        t.idColumn = t.idColumn.equals("id") ? "key_id" : "id";
                        done.add("rename id of " + t.name);
                    }
                    case 2 -> {
                        t.idType = ID_TYPES.get((ID_TYPES.indexOf(t.idType) + 1 + random.nextInt(2)) % ID_TYPES.size());
                        done.add("retype id of " + t.name + " to " + t.idType);
                    }
                    case 3 -> {
                        t.pkName = t.name + "_pk" + (fresh++);
                        done.add("rename primary key of " + t.name);
                    }
                    case 4 -> {
                        if (t.codeLength != null) {
                            t.codeLength = t.codeLength == 8 ? 12 : 8;
                            done.add("resize code of " + t.name);
                        } else {
                            t.codeLength = 10;
                            done.add("add code to " + t.name);
                        }
                    }
                    case 5 -> {
                        if (t.codeLength != null) {
                            t.codeLength = null;
                            tables.values().forEach(o -> o.refs.forEach(r -> {
                                if (t.name.equals(r.target)) {
                                    r.toCode = false;
                                }
                            }));
                            done.add("drop code of " + t.name);
                        }
                    }
                    case 6 -> {
                        for (TableSpec o : tables.values()) {
                            for (Ref r : o.refs) {
                                if (t.name.equals(r.target) && t.codeLength != null) {
                                    r.toCode = !r.toCode;
                                    done.add("re-target " + o.name + "." + r.column);
                                }
                            }
                        }
                    }
                    case 7 -> {
                        String name = "n" + (fresh++);
                        addTable(random, name);
                        done.add("add " + name);
                    }
                    default -> {
                        if (!t.refs.isEmpty()) {
                            Ref r = t.refs.get(random.nextInt(t.refs.size()));
                            List<String> others = new ArrayList<>(tables.keySet());
                            others.remove(r.target);
                            r.target = others.get(random.nextInt(others.size()));
                            r.toCode = false;
                            r.fkName = "fk_" + t.name + "_" + r.column + "_" + (fresh++);
                            done.add("point " + t.name + "." + r.column + " at " + r.target);
                        }
                    }
                }
            }
            return done;
        }

        /** Drops a table; each reference to it loses its foreign key, and sometimes its column too. */
        void dropTable(Random random, TableSpec dropped) {
            tables.remove(dropped.name);
            for (TableSpec o : tables.values()) {
                List<Ref> kept = new ArrayList<>();
                for (Ref r : o.refs) {
                    if (!dropped.name.equals(r.target)) {
                        kept.add(r);
                    } else if (random.nextBoolean()) {
                        r.orphanType = r.toCode ? "character varying(" + dropped.codeLength + ")" : dropped.idType;
                        r.target = null;
                        kept.add(r);
                    }
                }
                o.refs.clear();
                o.refs.addAll(kept);
            }
        }

        Schema schema() {
            List<Table> result = new ArrayList<>();
            for (TableSpec t : tables.values()) {
                List<TableElement> elements = new ArrayList<>();
                elements.add(Column.of(t.idColumn, t.idType).notNull());
                if (t.codeLength != null) {
                    elements.add(Column.of("code", "character varying(" + t.codeLength + ")").notNull());
                    elements.add(UniqueConstraint.of(t.name + "_code_key", "code"));
                }
                elements.add(PrimaryKey.of(t.pkName, t.idColumn));
                for (Ref r : t.refs) {
                    TableSpec target = r.target == null ? null : tables.get(r.target);
                    // A reference whose table is gone keeps its column with the type it last had.
                    String type = target == null ? r.orphanType
                            : r.toCode ? "character varying(" + target.codeLength + ")" : target.idType;
                    elements.add(Column.of(r.column, type));
                    if (target != null) {
                        elements.add(ForeignKey.of(r.fkName, r.column, target.name, r.toCode ? "code" : target.idColumn));
                    }
                }
                result.add(Table.of(t.name, elements));
            }
            return new Schema("public", result, List.of(), List.of());
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            for (TableSpec t : tables.values()) {
                out.append(t.name).append('(').append(t.idColumn).append(' ').append(t.idType)
                        .append(t.codeLength == null ? "" : ", code(" + t.codeLength + ")");
                for (Ref r : t.refs) {
                    out.append(", ").append(r.column).append("->").append(r.target).append(r.toCode ? ".code" : "");
                }
                out.append(") ");
            }
            return out.toString().trim();
        }
    }
}
