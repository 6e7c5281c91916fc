package dev.retort.schema;

/**
 * The tunable parameters of a sequence or identity column. A {@code null} field means "the database
 * default" when creating and "leave unchanged" when altering.
 */
public record SequenceOptions(Long start, Long increment, Long minValue, Long maxValue, Long cache, Boolean cycle) {

    public static final SequenceOptions DEFAULTS = new SequenceOptions(null, null, null, null, null, null);

    public SequenceOptions withStart(long value) {
        return new SequenceOptions(value, increment, minValue, maxValue, cache, cycle);
    }

    public SequenceOptions withIncrement(long value) {
        return new SequenceOptions(start, value, minValue, maxValue, cache, cycle);
    }

    public SequenceOptions withMinValue(long value) {
        return new SequenceOptions(start, increment, value, maxValue, cache, cycle);
    }

    public SequenceOptions withMaxValue(long value) {
        return new SequenceOptions(start, increment, minValue, value, cache, cycle);
    }

    public SequenceOptions withCache(long value) {
        return new SequenceOptions(start, increment, minValue, maxValue, value, cycle);
    }

    public SequenceOptions withCycle(boolean value) {
        return new SequenceOptions(start, increment, minValue, maxValue, cache, value);
    }

    /** Whether every field is left to the database default. */
    public boolean isDefault() {
        return equals(DEFAULTS);
    }
}
