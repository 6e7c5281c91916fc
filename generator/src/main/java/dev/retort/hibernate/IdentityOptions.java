package dev.retort.hibernate;

import dev.retort.schema.SequenceOptions;
import java.util.List;

/**
 * The sequence options in {@code GENERATED ... AS IDENTITY (START WITH 10 INCREMENT BY 5 ...)}, as PostgreSQL's
 * {@code CREATE SEQUENCE} reads them. Options the model has no slot for ({@code AS type}, {@code SEQUENCE NAME},
 * {@code OWNED BY}, {@code RESTART}) make the whole clause unreadable: {@code null}.
 */
final class IdentityOptions {

    private IdentityOptions() {
    }

    static SequenceOptions parse(String sql) {
        List<DefinitionToken> tokens = DefinitionToken.split(sql);
        SequenceOptions options = SequenceOptions.DEFAULTS;
        int i = 0;
        while (i < tokens.size()) {
            String word = tokens.get(i).lowerText();
            String next = i + 1 < tokens.size() ? tokens.get(i + 1).lowerText() : "";
            if (word.equals("no") && (next.equals("minvalue") || next.equals("maxvalue") || next.equals("cycle"))) {
                options = next.equals("cycle") ? options.withCycle(false) : options; // the defaults
                i += 2;
                continue;
            }
            if (word.equals("cycle")) {
                options = options.withCycle(true);
                i++;
                continue;
            }
            int value = i + 1;
            if ((word.equals("start") && next.equals("with")) || (word.equals("increment") && next.equals("by"))) {
                value++;
            }
            Long number = number(tokens, value);
            if (number == null) {
                return null;
            }
            switch (word) {
                case "start" -> options = options.withStart(number);
                case "increment" -> options = options.withIncrement(number);
                case "minvalue" -> options = options.withMinValue(number);
                case "maxvalue" -> options = options.withMaxValue(number);
                case "cache" -> options = options.withCache(number);
                default -> {
                    return null;
                }
            }
            i = value + (tokens.get(value).text().equals("-") || tokens.get(value).text().equals("+") ? 2 : 1);
        }
        return options;
    }

    /** A signed integer at {@code i}, or {@code null}. */
    private static Long number(List<DefinitionToken> tokens, int i) {
        if (i >= tokens.size()) {
            return null;
        }
        String sign = tokens.get(i).text();
        boolean signed = sign.equals("-") || sign.equals("+");
        if (signed && i + 1 >= tokens.size()) {
            return null;
        }
        String digits = tokens.get(signed ? i + 1 : i).text();
        try {
            long value = Long.parseLong(digits);
            return sign.equals("-") ? -value : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
