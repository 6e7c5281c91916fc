package dev.retort.bench;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexElement;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.SequenceOptions;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the schema Hibernate creates for the synthetic entities as SQLAlchemy Core {@code Table} objects (the
 * same names, types, nullability, server defaults, identity, keys, unique constraints, indexes, foreign keys with
 * their {@code ondelete}, checks, comments and sequences), so Alembic's {@code compare_metadata} is timed on the
 * very schema {@code retort check} compares. Generated from the model {@code HibernateSchemaReader} returns.
 */
final class AlembicModels {

    private static final Pattern VARCHAR = Pattern.compile("(?:varchar|character varying)\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),\\s*(\\d+)\\)");
    private static final Pattern TIMESTAMP = Pattern.compile("timestamp(?:\\((\\d)\\))?( with time zone)?");

    private AlembicModels() {
    }

    static String source(Schema schema) {
        StringBuilder out = new StringBuilder(1 << 16);
        out.append("# Written by Retort's benchmark (dev.retort.bench.AlembicModels) from the schema Hibernate creates\n")
                .append("# for the synthetic entities: the same tables as SQLAlchemy Core objects. Do not edit.\n")
                .append("import sqlalchemy as sa\nfrom sqlalchemy.dialects import postgresql as pg\n\n")
                .append("metadata = sa.MetaData()\n\n");
        Map<String, String> enums = new HashMap<>();
        for (EnumType e : schema.enumTypes()) {
            String variable = "enum_" + e.name();
            enums.put(e.name(), variable);
            List<String> values = e.values().stream().map(AlembicModels::py).toList();
            out.append(variable).append(" = pg.ENUM(").append(String.join(", ", values)).append(", name=")
                    .append(py(e.name())).append(", create_type=False)\n");
        }
        for (Sequence s : schema.sequences()) {
            out.append("sa.Sequence(").append(py(s.name())).append(sequenceOptions(s.options()))
                    .append(", metadata=metadata)\n");
        }
        out.append('\n');
        for (Table t : schema.tables()) {
            table(out, t, enums);
        }
        return out.toString();
    }

    private static void table(StringBuilder out, Table t, Map<String, String> enums) {
        List<String> parts = new ArrayList<>();
        for (Column c : t.columns()) {
            parts.add(column(c, t, enums));
        }
        if (t.primaryKey() != null) {
            parts.add("sa.PrimaryKeyConstraint(" + names(t.primaryKey().columns())
                    + (t.primaryKey().name() != null ? ", name=" + py(t.primaryKey().name()) : "") + ")");
        }
        for (UniqueConstraint u : t.uniqueConstraints()) {
            parts.add("sa.UniqueConstraint(" + names(u.columns()) + (u.name() != null ? ", name=" + py(u.name()) : "")
                    + ")");
        }
        for (ForeignKey fk : t.foreignKeys()) {
            List<String> targets = fk.referencedColumns().stream().map(c -> fk.referencedTable() + "." + c).toList();
            StringBuilder f = new StringBuilder("sa.ForeignKeyConstraint([" + names(fk.columns()) + "], ["
                    + names(targets) + "]");
            if (fk.name() != null) {
                f.append(", name=").append(py(fk.name()));
            }
            if (fk.onDelete() != null && fk.onDelete() != ReferentialAction.NO_ACTION) {
                f.append(", ondelete=").append(py(fk.onDelete().sql()));
            }
            if (fk.onUpdate() != null && fk.onUpdate() != ReferentialAction.NO_ACTION) {
                f.append(", onupdate=").append(py(fk.onUpdate().sql()));
            }
            parts.add(f.append(')').toString());
        }
        for (CheckConstraint check : t.checks()) {
            parts.add("sa.CheckConstraint(" + py(check.expression()) + (check.name() != null ? ", name="
                    + py(check.name()) : "") + ")");
        }
        for (Index ix : t.indexes()) {
            List<String> elements = new ArrayList<>();
            for (IndexElement e : ix.elements()) {
                elements.add(e.isExpression() ? "sa.text(" + py(e.expression()) + ")" : py(e.column()));
            }
            parts.add("sa.Index(" + py(ix.name()) + ", " + String.join(", ", elements)
                    + (ix.isUnique() ? ", unique=True" : "") + ")");
        }
        if (t.comment() != null) {
            parts.add("comment=" + py(t.comment()));
        }
        out.append("sa.Table(").append(py(t.name())).append(", metadata,\n    ")
                .append(String.join(",\n    ", parts)).append(")\n\n");
    }

    private static String column(Column c, Table t, Map<String, String> enums) {
        StringBuilder out = new StringBuilder("sa.Column(" + py(c.name()) + ", " + type(c.type().sql(), enums));
        Identity identity = c.identity();
        if (identity != null) {
            out.append(", sa.Identity(always=").append(identity.always() ? "True" : "False")
                    .append(sequenceOptions(identity.options())).append(')');
        }
        out.append(", nullable=").append(c.isNullable() ? "True" : "False");
        if (c.defaultValue() != null) {
            out.append(", server_default=sa.text(").append(py(c.defaultValue().sql())).append(')');
        }
        boolean inKey = t.primaryKey() != null && t.primaryKey().columns().contains(c.name());
        if (inKey && identity == null) {
            out.append(", autoincrement=False");
        }
        if (c.comment() != null) {
            out.append(", comment=").append(py(c.comment()));
        }
        return out.append(')').toString();
    }

    /** The SQLAlchemy type for a column type as Hibernate's PostgreSQL DDL spells it. */
    static String type(String sql, Map<String, String> enums) {
        String s = sql.strip().toLowerCase(java.util.Locale.ROOT);
        Matcher m = VARCHAR.matcher(s);
        if (m.matches()) {
            return "sa.String(" + m.group(1) + ")";
        }
        m = NUMERIC.matcher(s);
        if (m.matches()) {
            return "sa.Numeric(" + m.group(1) + ", " + m.group(2) + ")";
        }
        m = TIMESTAMP.matcher(s);
        if (m.matches()) {
            return "pg.TIMESTAMP(timezone=" + (m.group(2) != null ? "True" : "False")
                    + (m.group(1) != null ? ", precision=" + m.group(1) : "") + ")";
        }
        return switch (s) {
            case "varchar", "character varying" -> "sa.String()";
            case "text" -> "sa.Text()";
            case "smallint" -> "sa.SmallInteger()";
            case "integer", "int", "int4" -> "sa.Integer()";
            case "bigint", "int8" -> "sa.BigInteger()";
            case "boolean" -> "sa.Boolean()";
            case "date" -> "sa.Date()";
            case "uuid" -> "pg.UUID()";
            case "jsonb" -> "pg.JSONB()";
            case "json" -> "pg.JSON()";
            case "float(53)", "double precision" -> "pg.DOUBLE_PRECISION()";
            case "float(24)", "real" -> "sa.REAL()";
            case "bytea" -> "pg.BYTEA()";
            default -> enums.getOrDefault(s, "sa.types.NullType()");
        };
    }

    private static String sequenceOptions(SequenceOptions o) {
        if (o == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        if (o.start() != null) {
            out.append(", start=").append(o.start());
        }
        if (o.increment() != null) {
            out.append(", increment=").append(o.increment());
        }
        if (o.minValue() != null) {
            out.append(", minvalue=").append(o.minValue());
        }
        if (o.maxValue() != null) {
            out.append(", maxvalue=").append(o.maxValue());
        }
        if (o.cache() != null) {
            out.append(", cache=").append(o.cache());
        }
        if (o.cycle() != null) {
            out.append(", cycle=").append(o.cycle() ? "True" : "False");
        }
        return out.toString();
    }

    private static String names(List<String> names) {
        return String.join(", ", names.stream().map(AlembicModels::py).toList());
    }

    /** A Python string literal. */
    static String py(String text) {
        StringBuilder out = new StringBuilder("'");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out.append('\'').toString();
    }
}
