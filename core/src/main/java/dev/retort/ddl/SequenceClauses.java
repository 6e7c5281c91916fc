package dev.retort.ddl;

import dev.retort.schema.SequenceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The option clauses of a sequence ({@code INCREMENT BY}, {@code MINVALUE}, ..., {@code CYCLE}) as the dialects write
 * them in CREATE and ALTER SEQUENCE; each dialect gives its own words for an option reset to its default.
 */
public final class SequenceClauses {

    /**
     * A dialect's words for the options dropped back to its defaults, and for cycling: {@code startReset} may be
     * {@code null} where the database keeps the start when it is not restated.
     */
    public record Words(String noMinValue, String noMaxValue, String startReset, String cacheReset, String cycle,
                        String noCycle) {
    }

    private SequenceClauses() {
    }

    /**
     * The option clauses of {@code to}. With {@code from == null} every non-null option is written (a new sequence,
     * or an alteration that does not know the state before); otherwise only those that differ, an option dropped back
     * to {@code null} being reset in the dialect's {@code words}.
     */
    public static List<String> options(SequenceOptions to, SequenceOptions from, Words words) {
        List<String> parts = new ArrayList<>();
        boolean known = from != null;
        option(parts, known ? from.increment() : null, to.increment(), known, v -> "INCREMENT BY " + v,
                "INCREMENT BY 1");
        option(parts, known ? from.minValue() : null, to.minValue(), known, v -> "MINVALUE " + v, words.noMinValue());
        option(parts, known ? from.maxValue() : null, to.maxValue(), known, v -> "MAXVALUE " + v, words.noMaxValue());
        option(parts, known ? from.start() : null, to.start(), known, v -> "START WITH " + v, words.startReset());
        option(parts, known ? from.cache() : null, to.cache(), known, v -> "CACHE " + v, words.cacheReset());
        option(parts, known ? from.cycle() : null, to.cycle(), known, v -> v ? words.cycle() : words.noCycle(),
                words.noCycle());
        return parts;
    }

    private static <T> void option(List<String> parts, T from, T to, boolean fromKnown, Function<T, String> render,
                                   String reset) {
        if (fromKnown && Objects.equals(from, to)) {
            return;
        }
        if (to != null) {
            parts.add(render.apply(to));
        } else if (fromKnown && reset != null) {
            parts.add(reset);
        }
    }
}
