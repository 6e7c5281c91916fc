package dev.retort.lint;

import dev.retort.ddl.Dialect;
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
import dev.retort.schema.Column;
import dev.retort.schema.Constraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;

/** The facts of a typed operation; SQL given to {@code op.execute} goes to {@link SqlFacts}. */
final class OperationFacts implements OperationVisitor<List<Fact>> {

    private final Dialect dialect;

    private OperationFacts(Dialect dialect) {
        this.dialect = dialect;
    }

    static List<Fact> of(Operation operation, Dialect dialect) {
        return operation.accept(new OperationFacts(dialect));
    }

    private static List<Fact> one(Action action, Operation op) {
        return List.of(Fact.of(action, op.describe()));
    }

    static Action.ColumnFact column(Column c, boolean primaryKey) {
        return new Action.ColumnFact(c.name(), c.type().sql(),
                c.generated() != null ? "GENERATED ALWAYS AS (" + c.generated() + ") STORED"
                        : c.defaultValue() == null ? null : c.defaultValue().sql(),
                c.identity() != null || c.generated() != null, primaryKey);
    }

    @Override
    public List<Fact> visit(CreateTable op) {
        Table t = op.table();
        List<String> pk = t.primaryKey() == null ? List.of() : t.primaryKey().columns();
        return one(new Action.CreateTable(t.name(), t.columns().stream()
                .map(c -> column(c, pk.size() == 1 && pk.contains(c.name()))).toList()), op);
    }

    @Override
    public List<Fact> visit(DropTable op) {
        return one(new Action.DropTable(op.name()), op);
    }

    @Override
    public List<Fact> visit(RenameTable op) {
        return one(new Action.RenameTable(op.from(), op.to()), op);
    }

    @Override
    public List<Fact> visit(AddColumn op) {
        return one(new Action.AddColumn(op.table(), column(op.column(), false)), op);
    }

    @Override
    public List<Fact> visit(DropColumn op) {
        return one(new Action.DropColumn(op.table(), op.column()), op);
    }

    @Override
    public List<Fact> visit(AlterColumn op) {
        List<Fact> facts = new ArrayList<>();
        String d = op.describe();
        if (op.type() != null && !(op.type().fromKnown() && op.type().to().equals(op.type().from()))) {
            facts.add(Fact.of(new Action.ChangeType(op.table(), op.column(),
                    op.type().fromKnown() && op.type().from() != null ? op.type().from().sql() : null,
                    op.type().to().sql(), op.using() != null), d));
        }
        if (op.nullable() != null && Boolean.FALSE.equals(op.nullable().to())) {
            facts.add(Fact.of(new Action.SetNotNull(op.table(), op.column()), d));
        }
        if (facts.isEmpty()) {
            facts.add(Fact.of(new Action.AlterTable(op.table()), d));
        }
        return facts;
    }

    @Override
    public List<Fact> visit(RenameColumn op) {
        return one(new Action.RenameColumn(op.table(), op.from(), op.to()), op);
    }

    @Override
    public List<Fact> visit(CreateIndex op) {
        return one(new Action.CreateIndex(op.table(), op.index().name(), op.concurrently(), op.index().isUnique()), op);
    }

    @Override
    public List<Fact> visit(DropIndex op) {
        return one(new Action.DropIndex(op.table(), op.name(), op.concurrently()), op);
    }

    @Override
    public List<Fact> visit(AddConstraint op) {
        Constraint c = op.constraint();
        Action.ConstraintKind kind;
        String notNullColumn = null;
        if (c instanceof ForeignKey) {
            kind = Action.ConstraintKind.FOREIGN_KEY;
        } else if (c instanceof CheckConstraint check) {
            kind = Action.ConstraintKind.CHECK;
            notNullColumn = SqlFacts.notNullColumn(check.expression());
        } else if (c instanceof PrimaryKey) {
            kind = Action.ConstraintKind.PRIMARY_KEY;
        } else {
            kind = Action.ConstraintKind.UNIQUE;
        }
        return one(new Action.AddConstraint(op.table(), c.name(), kind, op.notValid(), op.usingIndex() != null,
                notNullColumn), op);
    }

    @Override
    public List<Fact> visit(DropConstraint op) {
        return one(new Action.AlterTable(op.table()), op);
    }

    @Override
    public List<Fact> visit(CreateSequence op) {
        return one(new Action.Other(), op);
    }

    @Override
    public List<Fact> visit(AlterSequence op) {
        return one(new Action.Other(), op);
    }

    @Override
    public List<Fact> visit(DropSequence op) {
        return one(new Action.Other(), op);
    }

    @Override
    public List<Fact> visit(CreateEnumType op) {
        return one(new Action.Other(), op);
    }

    @Override
    public List<Fact> visit(AddEnumValue op) {
        return one(new Action.Other(), op);
    }

    @Override
    public List<Fact> visit(DropEnumType op) {
        return one(new Action.Other(), op);
    }

    @Override
    public List<Fact> visit(SetTableComment op) {
        return one(new Action.AlterTable(op.table()), op);
    }

    @Override
    public List<Fact> visit(CreateView op) {
        return one(new Action.Other(), op);
    }

    @Override
    public List<Fact> visit(DropView op) {
        return one(new Action.Other(), op);
    }

    @Override
    public List<Fact> visit(CreateSchema op) {
        return one(new Action.Other(), op);
    }

    @Override
    public List<Fact> visit(DropSchema op) {
        return one(new Action.Other(), op);
    }

    @Override
    public List<Fact> visit(InSchema op) {
        return op.operation().accept(this);
    }

    @Override
    public List<Fact> visit(ExecuteSql op) {
        return SqlFacts.read(op.sql(), dialect);
    }

    @Override
    public List<Fact> visit(ValidateConstraint op) {
        return one(new Action.ValidateConstraint(op.table(), op.name()), op);
    }

    @Override
    public List<Fact> visit(RenameObject op) {
        return one(op.table() == null ? new Action.Other() : new Action.AlterTable(op.table()), op);
    }
}
