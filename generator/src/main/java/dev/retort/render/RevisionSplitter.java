package dev.retort.render;

import dev.retort.diff.Diff;
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
import dev.retort.schema.Column;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a diff that one transaction cannot hold into consecutive parts, each written as a revision of its own.
 * PostgreSQL keeps a lock on every relation a transaction creates, alters or drops until it commits, in a
 * shared table of {@code max_locks_per_transaction × max_connections} slots (64 × 100 on a stock server);
 * a baseline of a few thousand tables runs out ("out of shared memory"). Each part stays within
 * {@link #LOCK_BUDGET} estimated locks, a third of a stock server's slots; the order of operations is kept,
 * so every part applies after the ones before it.
 */
public final class RevisionSplitter {

    public static final int LOCK_BUDGET = 2000;

    private final int budget;

    public RevisionSplitter() {
        this(LOCK_BUDGET);
    }

    public RevisionSplitter(int budget) {
        this.budget = budget;
    }

    /**
     * The parts, in order; a single part (the diff itself) when it fits. Warnings go with the first part.
     * Values added to enum types also get a part of their own, ahead of the rest: PostgreSQL lets no statement
     * use such a value before the transaction that added it commits (see {@link #separatesEnumValues}).
     */
    public List<Diff> split(Diff diff) {
        List<List<Operation>> parts = new ArrayList<>();
        List<Operation> part = new ArrayList<>();
        int locks = 0;
        for (Operation op : diff.operations()) {
            int cost = op.accept(LOCKS);
            boolean afterEnumValues = !part.isEmpty() && isEnumValue(part.get(part.size() - 1)) && !isEnumValue(op);
            if (!part.isEmpty() && (locks + cost > budget || afterEnumValues)) {
                parts.add(part);
                part = new ArrayList<>();
                locks = 0;
            }
            part.add(op);
            locks += cost;
        }
        parts.add(part);
        if (parts.size() == 1) {
            return List.of(diff);
        }
        List<Diff> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            out.add(new Diff(parts.get(i), i == 0 ? diff.warnings() : List.of(), i == 0 ? diff.unsupported() : 0));
        }
        return out;
    }

    /** Whether {@link #split} gives values added to enum types a revision of their own in this diff. */
    public static boolean separatesEnumValues(Diff diff) {
        List<Operation> ops = diff.operations();
        for (int i = 0; i + 1 < ops.size(); i++) {
            if (isEnumValue(ops.get(i)) && !isEnumValue(ops.get(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEnumValue(Operation op) {
        return (op instanceof InSchema in ? in.operation() : op) instanceof AddEnumValue;
    }

    /** Locks an operation holds until commit: the relations it creates, changes or references. */
    private static final OperationVisitor<Integer> LOCKS = new OperationVisitor<>() {
        /** The table, its TOAST table and index, its indexes and key constraints, identity sequences, FK targets. */
        private int table(Table t) {
            int identities = (int) t.columns().stream().filter(c -> c.identity() != null).count();
            return 3 + (t.primaryKey() == null ? 0 : 1) + t.uniqueConstraints().size() + t.indexes().size()
                    + identities + t.foreignKeys().size();
        }

        @Override
        public Integer visit(CreateTable op) {
            return table(op.table());
        }

        @Override
        public Integer visit(DropTable op) {
            return op.definition() == null ? 4 : table(op.definition());
        }

        @Override
        public Integer visit(RenameTable op) {
            return 1;
        }

        @Override
        public Integer visit(AddColumn op) {
            Column c = op.column();
            return 2 + (c.identity() != null ? 1 : 0);
        }

        @Override
        public Integer visit(DropColumn op) {
            return 2;
        }

        @Override
        public Integer visit(AlterColumn op) {
            return 2;
        }

        @Override
        public Integer visit(RenameColumn op) {
            return 1;
        }

        @Override
        public Integer visit(CreateIndex op) {
            return 2;
        }

        @Override
        public Integer visit(DropIndex op) {
            return 2;
        }

        @Override
        public Integer visit(AddConstraint op) {
            return 2;
        }

        @Override
        public Integer visit(DropConstraint op) {
            return 2;
        }

        @Override
        public Integer visit(CreateSequence op) {
            return 1;
        }

        @Override
        public Integer visit(AlterSequence op) {
            return 1;
        }

        @Override
        public Integer visit(DropSequence op) {
            return 1;
        }

        @Override
        public Integer visit(CreateEnumType op) {
            return 1;
        }

        @Override
        public Integer visit(AddEnumValue op) {
            return 1;
        }

        @Override
        public Integer visit(DropEnumType op) {
            return 1;
        }

        @Override
        public Integer visit(SetTableComment op) {
            return 1;
        }

        @Override
        public Integer visit(CreateView op) {
            return 1;
        }

        @Override
        public Integer visit(DropView op) {
            return 1;
        }

        @Override
        public Integer visit(CreateSchema op) {
            return 1;
        }

        @Override
        public Integer visit(DropSchema op) {
            return 1;
        }

        @Override
        public Integer visit(InSchema op) {
            return op.operation().accept(this);
        }

        @Override
        public Integer visit(ExecuteSql op) {
            return 1;
        }

        @Override
        public Integer visit(ValidateConstraint op) {
            return 1;
        }

        @Override
        public Integer visit(RenameObject op) {
            return 1;
        }
    };
}
