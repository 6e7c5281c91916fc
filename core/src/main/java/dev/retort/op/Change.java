package dev.retort.op;

/**
 * One aspect of an alteration: its value before and after. A hand-written alteration may not know the
 * value before ({@code fromKnown == false}); it still runs forward but cannot be reversed.
 */
public record Change<T>(T from, T to, boolean fromKnown) {

    public static <T> Change<T> of(T from, T to) {
        return new Change<>(from, to, true);
    }

    public static <T> Change<T> to(T to) {
        return new Change<>(null, to, false);
    }

    /** The change that undoes this one, or {@code null} when the value before is unknown. */
    Change<T> reversed() {
        return fromKnown ? new Change<>(to, from, true) : null;
    }
}
