package dev.retort.render;

import static dev.retort.render.JavaText.literal;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.Constraint;
import dev.retort.schema.Deferrability;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexElement;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Sequence;
import dev.retort.schema.SequenceOptions;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Java expressions that rebuild schema records through their fluent factories: {@code Column.of("id", "bigint").notNull()}. */
final class SchemaCode {

    /** Continuation indent inside a call spanning several lines. */
    static final String INDENT = "        ";

    private SchemaCode() {
    }

    static String string(String value) {
        return value == null ? "null" : literal(value);
    }

    static String column(Column c) {
        StringBuilder out = new StringBuilder("Column.of(").append(literal(c.name())).append(", ")
                .append(literal(c.type().sql())).append(")");
        if (c.identity() != null) {
            out.append(identityCall(c.identity()));
        } else if (!c.isNullable()) {
            out.append(".notNull()");
        }
        if (c.collation() != null) {
            out.append(".collate(").append(literal(c.collation())).append(")");
        }
        if (c.generated() != null) {
            out.append(".generatedAs(").append(literal(c.generated())).append(")");
        }
        if (c.defaultValue() != null) {
            out.append(".withDefault(").append(literal(c.defaultValue().sql())).append(")");
        }
        if (c.comment() != null) {
            out.append(".withComment(").append(literal(c.comment())).append(")");
        }
        return out.toString();
    }

    private static String identityCall(Identity identity) {
        if (identity.options().isDefault()) {
            return identity.always() ? ".identityAlways()" : ".identityByDefault()";
        }
        return ".withIdentity(" + identity(identity) + ")";
    }

    static String identity(Identity identity) {
        if (identity == null) {
            return "null";
        }
        String base = identity.always() ? "Identity.generatedAlways()" : "Identity.generatedByDefault()";
        return identity.options().isDefault() ? base : base + ".withOptions(" + options(identity.options()) + ")";
    }

    static String options(SequenceOptions o) {
        StringBuilder out = new StringBuilder("SequenceOptions.DEFAULTS");
        if (o.start() != null) {
            out.append(".withStart(").append(o.start()).append("L)");
        }
        if (o.increment() != null) {
            out.append(".withIncrement(").append(o.increment()).append("L)");
        }
        if (o.minValue() != null) {
            out.append(".withMinValue(").append(o.minValue()).append("L)");
        }
        if (o.maxValue() != null) {
            out.append(".withMaxValue(").append(o.maxValue()).append("L)");
        }
        if (o.cache() != null) {
            out.append(".withCache(").append(o.cache()).append("L)");
        }
        if (o.cycle() != null) {
            out.append(".withCycle(").append(o.cycle()).append(")");
        }
        return out.toString();
    }

    static String constraint(Constraint constraint) {
        return constraint.accept(new Constraint.Visitor<String>() {
            @Override
            public String visit(PrimaryKey pk) {
                return pk.name() == null ? "PrimaryKey.unnamed(" + strings(pk.columns()) + ")"
                        : "PrimaryKey.of(" + literal(pk.name()) + ", " + strings(pk.columns()) + ")";
            }

            @Override
            public String visit(UniqueConstraint uq) {
                String base = uq.name() == null ? "UniqueConstraint.unnamed(" + strings(uq.columns()) + ")"
                        : "UniqueConstraint.of(" + literal(uq.name()) + ", " + strings(uq.columns()) + ")";
                return base + deferrable(uq.deferrability());
            }

            @Override
            public String visit(CheckConstraint ck) {
                return ck.name() == null ? "CheckConstraint.unnamed(" + literal(ck.expression()) + ")"
                        : "CheckConstraint.of(" + literal(ck.name()) + ", " + literal(ck.expression()) + ")";
            }

            @Override
            public String visit(ForeignKey fk) {
                String base = fk.columns().size() == 1
                        ? "ForeignKey.of(" + string(fk.name()) + ", " + literal(fk.columns().get(0)) + ", "
                            + literal(fk.referencedTable()) + ", " + literal(fk.referencedColumns().get(0)) + ")"
                        : "ForeignKey.of(" + string(fk.name()) + ", java.util.List.of(" + strings(fk.columns()) + "), "
                            + literal(fk.referencedTable()) + ", java.util.List.of(" + strings(fk.referencedColumns()) + "))";
                return base + action("onDelete", fk.onDelete()) + action("onUpdate", fk.onUpdate())
                        + deferrable(fk.deferrability())
                        + (fk.referencedSchema() == null ? "" : ".inSchema(" + literal(fk.referencedSchema()) + ")");
            }
        });
    }

    private static String action(String method, ReferentialAction action) {
        return action == ReferentialAction.NO_ACTION ? "" : "." + method + "(ReferentialAction." + action.name() + ")";
    }

    private static String deferrable(Deferrability d) {
        return d == Deferrability.NOT_DEFERRABLE ? "" : ".deferrable(Deferrability." + d.name() + ")";
    }

    static String index(Index index) {
        boolean plain = index.elements().stream().allMatch(e -> e.column() != null && !e.descending()
                && e.nulls() == IndexElement.NullsOrder.DEFAULT && e.opclass() == null);
        String name = index.name() == null ? "(String) null" : literal(index.name());
        StringBuilder out = new StringBuilder("Index.of(").append(name).append(", ");
        out.append(plain ? strings(index.keyNames())
                : index.elements().stream().map(SchemaCode::element).collect(Collectors.joining(", ")));
        out.append(")");
        if (index.isUnique()) {
            out.append(".unique()");
        }
        if (index.method() != null) {
            out.append(".using(").append(literal(index.method())).append(")");
        }
        if (!index.include().isEmpty()) {
            out.append(".include(").append(strings(index.include())).append(")");
        }
        if (index.where() != null) {
            out.append(".where(").append(literal(index.where())).append(")");
        }
        return out.toString();
    }

    private static String element(IndexElement e) {
        StringBuilder out = new StringBuilder(e.column() != null
                ? "IndexElement.column(" + literal(e.column()) + ")"
                : "IndexElement.expression(" + literal(e.expression()) + ")");
        if (e.opclass() != null) {
            out.append(".opclass(").append(literal(e.opclass())).append(")");
        }
        if (e.descending()) {
            out.append(".desc()");
        }
        switch (e.nulls()) {
            case FIRST -> out.append(".nullsFirst()");
            case LAST -> out.append(".nullsLast()");
            case DEFAULT -> { }
        }
        return out.toString();
    }

    /** {@code Table.of("t",\n Column..., ...)}, one element per line. */
    static String table(Table table) {
        List<String> elements = tableElements(table);
        String call = "Table.of(" + literal(table.name())
                + elements.stream().map(e -> ",\n" + INDENT + e).collect(Collectors.joining()) + ")";
        return table.comment() == null ? call : call + "\n" + INDENT + ".withComment(" + literal(table.comment()) + ")";
    }

    static List<String> tableElements(Table table) {
        List<String> out = new ArrayList<>();
        table.columns().forEach(c -> out.add(column(c)));
        table.constraints().forEach(c -> out.add(constraint(c)));
        table.indexes().forEach(i -> out.add(index(i)));
        return out;
    }

    static String sequence(Sequence s) {
        StringBuilder out = new StringBuilder("Sequence.of(").append(literal(s.name())).append(")");
        if (s.dataType() != null) {
            out.append(".as(").append(literal(s.dataType())).append(")");
        }
        SequenceOptions o = s.options();
        if (o.start() != null) {
            out.append(".startWith(").append(o.start()).append("L)");
        }
        if (o.increment() != null) {
            out.append(".incrementBy(").append(o.increment()).append("L)");
        }
        if (o.cache() != null) {
            out.append(".cache(").append(o.cache()).append("L)");
        }
        SequenceOptions rest = new SequenceOptions(null, null, o.minValue(), o.maxValue(), null, o.cycle());
        if (!rest.isDefault()) {
            out.append(".withOptions(").append(options(o)).append(")");
        }
        if (s.ownedByTable() != null) {
            out.append(".ownedBy(").append(literal(s.ownedByTable())).append(", ").append(literal(s.ownedByColumn()))
                    .append(")");
        }
        return out.toString();
    }

    static String enumType(EnumType type) {
        return "EnumType.of(" + literal(type.name()) + (type.values().isEmpty() ? "" : ", " + strings(type.values())) + ")";
    }

    static String strings(List<String> values) {
        return values.stream().map(JavaText::literal).collect(Collectors.joining(", "));
    }
}
