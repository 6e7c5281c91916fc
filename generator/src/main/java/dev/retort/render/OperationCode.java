package dev.retort.render;

import static dev.retort.render.JavaText.literal;
import static dev.retort.render.SchemaCode.INDENT;
import static dev.retort.render.SchemaCode.string;

import dev.retort.op.AddColumn;
import dev.retort.op.AddConstraint;
import dev.retort.op.AddEnumValue;
import dev.retort.op.AlterColumn;
import dev.retort.op.AlterSequence;
import dev.retort.op.Change;
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
import dev.retort.op.OperationVisitor;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameObject;
import dev.retort.op.RenameTable;
import dev.retort.op.SetTableComment;
import dev.retort.op.ValidateConstraint;
import dev.retort.schema.Default;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders each operation as the one {@code op.…(…);} call of the migration API that builds it again. A drop is
 * written by name alone, as Alembic writes it: what it removes is restated in full where it is needed, by the
 * create in the other method that brings it back ({@link MigrationWriter} renders each operation's reverse).
 */
final class OperationCode implements OperationVisitor<String> {

    @Override
    public String visit(CreateTable op) {
        if (op.table().comment() != null) {
            return "op.createTable(" + SchemaCode.table(op.table()) + ");";
        }
        return "op.createTable(" + literal(op.table().name()) + SchemaCode.tableElements(op.table()).stream()
                .map(e -> ",\n" + INDENT + e).collect(Collectors.joining()) + ");";
    }

    @Override
    public String visit(DropTable op) {
        return "op.dropTable(" + literal(op.name()) + ");";
    }

    @Override
    public String visit(CreateSchema op) {
        return "op.createSchema(" + literal(op.name()) + ");";
    }

    @Override
    public String visit(DropSchema op) {
        return "op.dropSchema(" + literal(op.name()) + ");";
    }

    /** {@code op.schema("audit").createTable(...)}: the operation's own call, on the schema's view of {@code op}. */
    @Override
    public String visit(InSchema op) {
        String inner = op.operation().accept(this);
        if (!inner.startsWith("op.")) {
            throw new IllegalStateException("Unexpected code for " + op.describe() + ": " + inner);
        }
        return "op.schema(" + literal(op.schema()) + ")." + inner.substring("op.".length());
    }

    @Override
    public String visit(CreateView op) {
        return "op.createView(" + literal(op.view().name()) + ",\n" + INDENT + literal(op.view().query()) + ");";
    }

    @Override
    public String visit(DropView op) {
        return "op.dropView(" + literal(op.name()) + ");";
    }

    @Override
    public String visit(RenameTable op) {
        return "op.renameTable(" + literal(op.from()) + ", " + literal(op.to()) + ");";
    }

    @Override
    public String visit(AddColumn op) {
        return "op.addColumn(" + literal(op.table()) + ", " + SchemaCode.column(op.column()) + ");";
    }

    @Override
    public String visit(DropColumn op) {
        return "op.dropColumn(" + literal(op.table()) + ", " + literal(op.column()) + ");";
    }

    @Override
    public String visit(AlterColumn op) {
        List<String> calls = new ArrayList<>();
        boolean typeKept = op.type() != null && op.type().fromKnown() && op.type().from().equals(op.type().to());
        if (op.collation() != null && typeKept) {
            // Only the collation changes; PostgreSQL still wants the type in the same clause.
            calls.add("collation(" + string(op.collation().from()) + ", " + string(op.collation().to()) + ", "
                    + literal(op.type().to().sql()) + ")");
        } else if (op.type() != null) {
            calls.add(op.type().fromKnown()
                    ? "type(" + literal(op.type().from().sql()) + ", " + literal(op.type().to().sql()) + ")"
                    : "type(dev.retort.op.Change.to(ColumnType.of(" + literal(op.type().to().sql()) + ")))");
            if (op.collation() != null) {
                calls.add(op.collation().fromKnown()
                        ? "collation(" + string(op.collation().from()) + ", " + string(op.collation().to()) + ")"
                        : "collation(dev.retort.op.Change.to(" + string(op.collation().to()) + "))");
            }
        }
        if (op.using() != null) {
            calls.add("using(" + literal(op.using()) + ")");
        }
        if (op.allowLoss()) {
            calls.add("allowLoss()");
        }
        if (op.nullable() != null) {
            calls.add("nullable(" + op.nullable().from() + ", " + op.nullable().to() + ")");
        }
        if (op.defaultValue() != null) {
            Change<Default> d = op.defaultValue();
            calls.add(d.fromKnown()
                    ? "defaultValue(" + defaultSql(d.from()) + ", " + defaultSql(d.to()) + ")"
                    : "defaultValue(dev.retort.op.Change.to(" + (d.to() == null ? "(Default) null"
                        : "Default.of(" + literal(d.to().sql()) + ")") + "))");
        }
        if (op.identity() != null) {
            calls.add(op.identity().fromKnown()
                    ? "identity(" + SchemaCode.identity(op.identity().from()) + ", " + SchemaCode.identity(op.identity().to()) + ")"
                    : "identity(dev.retort.op.Change.to(" + SchemaCode.identity(op.identity().to()) + "))");
        }
        if (op.comment() != null) {
            calls.add(op.comment().fromKnown()
                    ? "comment(" + string(op.comment().from()) + ", " + string(op.comment().to()) + ")"
                    : "comment(dev.retort.op.Change.to(" + string(op.comment().to()) + "))");
        }
        if (op.restated() != null && op.restated().fromKnown()) {
            // MariaDB's MODIFY COLUMN restates the whole column: the column as it was and as it will be
            calls.add("restating(" + SchemaCode.column(op.restated().from()) + ",\n" + INDENT + INDENT
                    + SchemaCode.column(op.restated().to()) + ")");
        }
        return "op.alterColumn(" + literal(op.table()) + ", " + literal(op.column()) + ", c -> c"
                + calls.stream().map(c -> "\n" + INDENT + "." + c).collect(Collectors.joining()) + ");";
    }

    private static String defaultSql(Default d) {
        return d == null ? "(String) null" : literal(d.sql());
    }

    @Override
    public String visit(RenameColumn op) {
        return "op.renameColumn(" + literal(op.table()) + ", " + literal(op.from()) + ", " + literal(op.to()) + ");";
    }

    @Override
    public String visit(CreateIndex op) {
        return (op.concurrently() ? "op.createIndexConcurrently(" : "op.createIndex(") + literal(op.table()) + ", "
                + SchemaCode.index(op.index()) + ");";
    }

    @Override
    public String visit(DropIndex op) {
        return (op.concurrently() ? "op.dropIndexConcurrently(" : "op.dropIndex(") + string(op.table()) + ", "
                + literal(op.name()) + ");";
    }

    @Override
    public String visit(AddConstraint op) {
        if (op.usingIndex() != null) {
            return "op.addConstraintUsingIndex(" + literal(op.table()) + ", " + SchemaCode.constraint(op.constraint())
                    + ", " + literal(op.usingIndex()) + ");";
        }
        return (op.notValid() ? "op.addConstraintNotValid(" : "op.addConstraint(") + literal(op.table()) + ", "
                + SchemaCode.constraint(op.constraint()) + ");";
    }

    @Override
    public String visit(DropConstraint op) {
        return "op.dropConstraint(" + literal(op.table()) + ", " + literal(op.name()) + ");";
    }

    @Override
    public String visit(CreateSequence op) {
        return "op.createSequence(" + SchemaCode.sequence(op.sequence()) + ");";
    }

    @Override
    public String visit(AlterSequence op) {
        return op.from() == null ? "op.alterSequence(" + SchemaCode.sequence(op.to()) + ");"
                : "op.alterSequence(" + SchemaCode.sequence(op.from()) + ",\n" + INDENT + SchemaCode.sequence(op.to()) + ");";
    }

    @Override
    public String visit(DropSequence op) {
        return "op.dropSequence(" + literal(op.name()) + ");";
    }

    @Override
    public String visit(CreateEnumType op) {
        return "op.createEnumType(" + SchemaCode.enumType(op.type()) + ");";
    }

    @Override
    public String visit(AddEnumValue op) {
        if (op.before() != null) {
            return "op.addEnumValueBefore(" + literal(op.type()) + ", " + literal(op.value()) + ", " + literal(op.before()) + ");";
        }
        if (op.after() != null) {
            return "op.addEnumValueAfter(" + literal(op.type()) + ", " + literal(op.value()) + ", " + literal(op.after()) + ");";
        }
        return "op.addEnumValue(" + literal(op.type()) + ", " + literal(op.value()) + ");";
    }

    @Override
    public String visit(DropEnumType op) {
        return "op.dropEnumType(" + literal(op.name()) + ");";
    }

    @Override
    public String visit(SetTableComment op) {
        return op.comment().fromKnown()
                ? "op.setTableComment(" + literal(op.table()) + ", " + string(op.comment().from()) + ", "
                    + string(op.comment().to()) + ");"
                : "op.setTableComment(" + literal(op.table()) + ", " + string(op.comment().to()) + ");";
    }

    @Override
    public String visit(ExecuteSql op) {
        return op.reverseSql() == null ? "op.execute(" + literal(op.sql()) + ");"
                : "op.execute(" + literal(op.sql()) + ",\n" + INDENT + literal(op.reverseSql()) + ");";
    }

    @Override
    public String visit(ValidateConstraint op) {
        return "op.validateConstraint(" + literal(op.table()) + ", " + literal(op.name()) + ");";
    }

    @Override
    public String visit(RenameObject op) {
        return switch (op.kind()) {
            case INDEX -> "op.renameIndex(" + literal(op.table()) + ", " + literal(op.from()) + ", " + literal(op.to()) + ");";
            case CONSTRAINT -> "op.renameConstraint(" + literal(op.table()) + ", " + literal(op.from()) + ", "
                    + literal(op.to()) + ");";
            case SEQUENCE -> "op.renameSequence(" + literal(op.from()) + ", " + literal(op.to()) + ");";
        };
    }
}
