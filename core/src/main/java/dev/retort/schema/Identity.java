package dev.retort.schema;

import java.util.Objects;

/** An identity column's generation: {@code GENERATED ALWAYS} or {@code BY DEFAULT AS IDENTITY}, with its sequence options. */
public record Identity(boolean always, SequenceOptions options) {

    public Identity {
        Objects.requireNonNull(options, "options");
    }

    public static Identity generatedByDefault() {
        return new Identity(false, SequenceOptions.DEFAULTS);
    }

    public static Identity generatedAlways() {
        return new Identity(true, SequenceOptions.DEFAULTS);
    }

    public Identity withOptions(SequenceOptions value) {
        return new Identity(always, value);
    }
}
