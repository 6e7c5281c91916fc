package dev.retort.diff;

import dev.retort.op.AlterSequence;
import dev.retort.op.CreateSequence;
import dev.retort.op.DropSequence;
import dev.retort.schema.Sequence;
import dev.retort.schema.SequenceOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sequences: created, dropped, or altered where the desired side sets an option (increment = Hibernate's
 * allocation size, start) that the database does not have. Options the desired side leaves unset are not
 * compared: the entity model has no say in them.
 */
final class SequenceComparator {

    private final ComparisonDialect dialect;

    SequenceComparator(ComparisonDialect dialect) {
        this.dialect = dialect;
    }

    void compare(List<Sequence> desired, List<Sequence> actual, Plan plan) {
        Map<String, Sequence> existing = actual.stream().collect(Collectors.toMap(Sequence::name, Function.identity()));
        Set<String> wanted = new HashSet<>();
        for (Sequence sequence : desired) {
            wanted.add(sequence.name());
            Sequence current = existing.get(sequence.name());
            if (current == null) {
                plan.add(Phase.CREATE_TYPES_AND_SEQUENCES, new CreateSequence(sequence));
                continue;
            }
            Sequence target = merge(current, sequence);
            if (!target.equals(current)) {
                plan.add(Phase.CREATE_TYPES_AND_SEQUENCES, new AlterSequence(current, target));
            }
        }
        for (Sequence sequence : actual) {
            if (!wanted.contains(sequence.name())) {
                plan.add(Phase.DROP_TYPES_AND_SEQUENCES, new DropSequence(sequence.name(), sequence));
                plan.warn(Warning.Kind.DATA_LOSS, null, null, "Dropping sequence " + sequence.name()
                        + " loses its current value.");
            }
        }
    }

    /** The actual sequence with every option the desired one sets. */
    private Sequence merge(Sequence actual, Sequence desired) {
        SequenceOptions a = actual.options();
        SequenceOptions d = desired.options();
        SequenceOptions merged = new SequenceOptions(
                pick(d.start(), a.start()), pick(d.increment(), a.increment()), pick(d.minValue(), a.minValue()),
                pick(d.maxValue(), a.maxValue()), pick(d.cache(), a.cache()), pick(d.cycle(), a.cycle()));
        Sequence out = actual.withOptions(merged);
        if (desired.dataType() != null && !dialect.sameSequenceType(desired.dataType(), actual.dataType())) {
            out = out.as(desired.dataType());
        }
        if (desired.ownedByTable() != null) {
            out = out.ownedBy(desired.ownedByTable(), desired.ownedByColumn());
        }
        return out;
    }

    private static <T> T pick(T desired, T actual) {
        return desired != null ? desired : actual;
    }
}
