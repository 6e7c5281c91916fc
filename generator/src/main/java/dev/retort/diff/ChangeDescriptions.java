package dev.retort.diff;

import dev.retort.op.AddColumn;
import dev.retort.op.AddConstraint;
import dev.retort.op.AddEnumValue;
import dev.retort.op.AlterColumn;
import dev.retort.op.AlterSequence;
import dev.retort.op.CreateEnumType;
import dev.retort.op.CreateIndex;
import dev.retort.op.CreateSchema;
import dev.retort.op.CreateSequence;
import dev.retort.op.CreateTable;
import dev.retort.op.CreateView;
import dev.retort.op.DropColumn;
import dev.retort.op.DropConstraint;
import dev.retort.op.DropEnumType;
import dev.retort.op.DropIndex;
import dev.retort.op.DropSchema;
import dev.retort.op.DropSequence;
import dev.retort.op.DropTable;
import dev.retort.op.DropView;
import dev.retort.op.ExecuteSql;
import dev.retort.op.InSchema;
import dev.retort.op.Operation;
import dev.retort.op.OperationVisitor;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameObject;
import dev.retort.op.RenameTable;
import dev.retort.op.SetTableComment;
import dev.retort.op.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Constraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.SequenceOptions;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Describes operations the way Alembic's autogenerate reports them: {@code added table 'reminders'}. */
public final class ChangeDescriptions implements OperationVisitor<DetectedChange> {

    public static List<DetectedChange> of(List<Operation> operations) {
        ChangeDescriptions describer = new ChangeDescriptions();
        return operations.stream().map(op -> op.accept(describer)).toList();
    }

    @Override
    public DetectedChange visit(CreateTable op) {
        return new DetectedChange("create_table", op.table().name(), null, null,
                "added table '" + op.table().name() + "'");
    }

    @Override
    public DetectedChange visit(DropTable op) {
        return new DetectedChange("drop_table", op.name(), null, null, "removed table '" + op.name() + "'");
    }

    @Override
    public DetectedChange visit(RenameTable op) {
        return new DetectedChange("rename_table", op.from(), null, null,
                "renamed table '" + op.from() + "' to '" + op.to() + "'");
    }

    @Override
    public DetectedChange visit(AddColumn op) {
        return new DetectedChange("add_column", op.table(), op.column().name(), null,
                "added column '" + op.table() + "." + op.column().name() + "'");
    }

    @Override
    public DetectedChange visit(DropColumn op) {
        return new DetectedChange("drop_column", op.table(), op.column(), null,
                "removed column '" + op.table() + "." + op.column() + "'");
    }

    @Override
    public DetectedChange visit(AlterColumn op) {
        String where = "'" + op.table() + "." + op.column() + "'";
        List<String> parts = new ArrayList<>();
        if (op.type() != null && !op.type().to().equals(op.type().from())) {
            parts.add("type change from " + op.type().from() + " to " + op.type().to() + " on " + where);
        }
        if (op.collation() != null && !java.util.Objects.equals(op.collation().from(), op.collation().to())) {
            parts.add(op.collation().to() == null ? "removed collation " + op.collation().from() + " on column " + where
                    : op.collation().from() == null ? "added collation " + op.collation().to() + " on column " + where
                    : "collation changed from " + op.collation().from() + " to " + op.collation().to()
                        + " on column " + where);
        }
        if (op.nullable() != null) {
            parts.add((op.nullable().to() ? "NULL" : "NOT NULL") + " on column " + where);
        }
        if (op.defaultValue() != null) {
            parts.add(op.defaultValue().to() == null ? "removed server default on column " + where
                    : op.defaultValue().from() == null ? "added server default " + op.defaultValue().to() + " on column " + where
                    : "server default changed from " + op.defaultValue().from() + " to " + op.defaultValue().to()
                        + " on column " + where);
        }
        if (op.identity() != null) {
            parts.add(op.identity().to() == null ? "removed identity on column " + where
                    : op.identity().from() == null ? "added identity on column " + where
                    : "identity changed on column " + where);
        }
        if (op.comment() != null) {
            parts.add(op.comment().to() == null ? "removed comment on column " + where
                    : "column comment changed on " + where);
        }
        return new DetectedChange("alter_column", op.table(), op.column(), null, String.join("; ", parts));
    }

    @Override
    public DetectedChange visit(RenameColumn op) {
        return new DetectedChange("rename_column", op.table(), op.from(), null,
                "renamed column '" + op.table() + "." + op.from() + "' to '" + op.to() + "'");
    }

    @Override
    public DetectedChange visit(CreateIndex op) {
        return new DetectedChange("create_index", op.table(), null, op.index().name(),
                "added " + (op.index().isUnique() ? "unique " : "") + "index '" + op.index().name() + "' on '"
                        + op.table() + "' (" + String.join(", ", op.index().keyNames()) + ")");
    }

    @Override
    public DetectedChange visit(DropIndex op) {
        return new DetectedChange("drop_index", op.table(), null, op.name(),
                "removed index '" + op.name() + "'" + (op.table() == null ? "" : " on '" + op.table() + "'"));
    }

    @Override
    public DetectedChange visit(AddConstraint op) {
        Constraint c = op.constraint();
        String op2 = c.accept(new Constraint.Visitor<String>() {
            @Override
            public String visit(PrimaryKey primaryKey) {
                return "create_primary_key";
            }

            @Override
            public String visit(UniqueConstraint unique) {
                return "create_unique_constraint";
            }

            @Override
            public String visit(CheckConstraint check) {
                return "create_check_constraint";
            }

            @Override
            public String visit(ForeignKey foreignKey) {
                return "create_foreign_key";
            }
        });
        return new DetectedChange(op2, op.table(), null, c.name(),
                "added " + c.kind() + " '" + c.name() + "' on '" + op.table() + "' " + details(c));
    }

    private static String details(Constraint c) {
        return c.accept(new Constraint.Visitor<String>() {
            @Override
            public String visit(PrimaryKey primaryKey) {
                return "(" + String.join(", ", primaryKey.columns()) + ")";
            }

            @Override
            public String visit(UniqueConstraint unique) {
                return "(" + String.join(", ", unique.columns()) + ")";
            }

            @Override
            public String visit(CheckConstraint check) {
                return "CHECK (" + check.expression() + ")";
            }

            @Override
            public String visit(ForeignKey fk) {
                return "(" + String.join(", ", fk.columns()) + ") -> "
                        + (fk.referencedSchema() == null ? "" : fk.referencedSchema() + ".") + fk.referencedTable() + " ("
                        + String.join(", ", fk.referencedColumns()) + ")"
                        + (fk.onDelete() == ReferentialAction.NO_ACTION ? "" : " ON DELETE " + fk.onDelete().sql())
                        + (fk.onUpdate() == ReferentialAction.NO_ACTION ? "" : " ON UPDATE " + fk.onUpdate().sql());
            }
        });
    }

    @Override
    public DetectedChange visit(DropConstraint op) {
        String kind = op.definition() == null ? "constraint" : op.definition().kind();
        return new DetectedChange("drop_constraint", op.table(), null, op.name(),
                "removed " + kind + " '" + op.name() + "' on '" + op.table() + "'");
    }

    @Override
    public DetectedChange visit(CreateSequence op) {
        return new DetectedChange("create_sequence", null, null, op.sequence().name(),
                "added sequence '" + op.sequence().name() + "'" + options(null, op.sequence().options()));
    }

    @Override
    public DetectedChange visit(AlterSequence op) {
        return new DetectedChange("alter_sequence", null, null, op.name(), "changed sequence '" + op.name() + "'"
                + options(op.from() == null ? null : op.from().options(), op.to().options()));
    }

    /** The options set, or those that differ: {@code (increment 1 -> 50)}. */
    private static String options(SequenceOptions from, SequenceOptions to) {
        List<String> parts = new ArrayList<>();
        option(parts, "start", from == null ? null : from.start(), to.start());
        option(parts, "increment", from == null ? null : from.increment(), to.increment());
        option(parts, "minvalue", from == null ? null : from.minValue(), to.minValue());
        option(parts, "maxvalue", from == null ? null : from.maxValue(), to.maxValue());
        option(parts, "cache", from == null ? null : from.cache(), to.cache());
        option(parts, "cycle", from == null ? null : from.cycle(), to.cycle());
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static void option(List<String> parts, String name, Object from, Object to) {
        if (to != null && !Objects.equals(from, to)) {
            parts.add(name + " " + (from == null ? "" : from + " -> ") + to);
        }
    }

    @Override
    public DetectedChange visit(DropSequence op) {
        return new DetectedChange("drop_sequence", null, null, op.name(), "removed sequence '" + op.name() + "'");
    }

    @Override
    public DetectedChange visit(CreateEnumType op) {
        return new DetectedChange("create_enum", null, null, op.type().name(),
                "added enum type '" + op.type().name() + "' " + op.type().values());
    }

    @Override
    public DetectedChange visit(AddEnumValue op) {
        return new DetectedChange("add_enum_value", null, null, op.type(),
                "added value '" + op.value() + "' to enum type '" + op.type() + "'");
    }

    @Override
    public DetectedChange visit(DropEnumType op) {
        return new DetectedChange("drop_enum", null, null, op.name(), "removed enum type '" + op.name() + "'");
    }

    @Override
    public DetectedChange visit(SetTableComment op) {
        boolean dropped = op.comment().to() == null;
        return new DetectedChange(dropped ? "drop_table_comment" : "create_table_comment", op.table(), null, null,
                (dropped ? "removed table comment on '" : op.comment().from() == null ? "added table comment on '"
                        : "table comment changed on '") + op.table() + "'");
    }

    @Override
    public DetectedChange visit(CreateSchema op) {
        return new DetectedChange("create_schema", null, null, op.name(), "added schema '" + op.name() + "'");
    }

    @Override
    public DetectedChange visit(DropSchema op) {
        return new DetectedChange("drop_schema", null, null, op.name(), "removed schema '" + op.name() + "'");
    }

    /** The change of the wrapped operation, its table (or, for a schema-level object, its name) qualified. */
    @Override
    public DetectedChange visit(InSchema op) {
        DetectedChange inner = op.operation().accept(this);
        String prefix = op.schema() + ".";
        String table = inner.table() == null ? null : prefix + inner.table();
        String name = inner.table() == null && inner.name() != null ? prefix + inner.name() : inner.name();
        String description = inner.description();
        if (inner.table() != null) {
            description = description.replace("'" + inner.table() + "'", "'" + table + "'")
                    .replace("'" + inner.table() + ".", "'" + table + ".");
        } else if (inner.name() != null) {
            description = description.replace("'" + inner.name() + "'", "'" + name + "'");
        }
        return new DetectedChange(inner.op(), table, inner.column(), name, description);
    }

    @Override
    public DetectedChange visit(CreateView op) {
        return new DetectedChange("create_view", null, null, op.view().name(), "added view '" + op.view().name() + "'");
    }

    @Override
    public DetectedChange visit(DropView op) {
        return new DetectedChange("drop_view", null, null, op.name(), "removed view '" + op.name() + "'");
    }

    @Override
    public DetectedChange visit(ExecuteSql op) {
        return new DetectedChange("execute", null, null, null, op.describe());
    }

    @Override
    public DetectedChange visit(ValidateConstraint op) {
        return new DetectedChange("validate_constraint", op.table(), null, op.name(),
                "validated constraint '" + op.name() + "' on '" + op.table() + "'");
    }

    @Override
    public DetectedChange visit(RenameObject op) {
        String what = op.kind().name().toLowerCase(java.util.Locale.ROOT);
        return new DetectedChange("rename_" + what, op.table(), null, op.from(), "renamed " + what + " '" + op.from()
                + "' to '" + op.to() + "'" + (op.table() == null ? "" : " on '" + op.table() + "'"));
    }
}
