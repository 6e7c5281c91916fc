package dev.retort.op;

import dev.retort.schema.Names;
import dev.retort.schema.Sequence;
import java.util.Objects;

/**
 * Changes a sequence's type, options or owner. With {@code from} known only what differs is altered
 * and the change is reversible; without it every non-null option of {@code to} is applied.
 *
 * @param from the sequence before, or {@code null} when not recorded
 */
public record AlterSequence(Sequence from, Sequence to) implements Operation {

    public AlterSequence {
        Objects.requireNonNull(to, "to");
        Names.require(to.name(), "sequence name");
        if (from != null && !from.name().equals(to.name())) {
            throw new IllegalArgumentException("Alteration of sequence " + from.name() + " ends as " + to.name());
        }
    }

    public String name() {
        return to.name();
    }

    @Override
    public Operation reverse() {
        if (from == null) {
            throw new IrreversibleOperationException(this, "the sequence's previous options are not recorded");
        }
        return new AlterSequence(to, from);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "alter sequence " + to.name();
    }
}
