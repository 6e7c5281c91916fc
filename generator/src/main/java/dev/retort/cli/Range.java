package dev.retort.cli;

import dev.retort.RetortException;

/** A {@code FROM:TO} revision range as offline commands take it. */
record Range(String from, String to) {

    /** Parses {@code FROM:TO}, or just {@code TO} when {@code defaultFrom} is given. */
    static Range parse(String text, String defaultFrom) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            if (defaultFrom == null) {
                throw new RetortException("Offline mode needs a range FROM:TO such as head:base or 3c4d:1a2b, "
                        + "because there is no database to read the current revision from; got '" + text + "'.");
            }
            return new Range(defaultFrom, text);
        }
        String from = text.substring(0, colon).strip();
        String to = text.substring(colon + 1).strip();
        if (from.isEmpty() || to.isEmpty()) {
            throw new RetortException("A range is FROM:TO with both ends given, e.g. base:head; got '" + text + "'.");
        }
        return new Range(from, to);
    }

    /** Online commands read FROM from the database, so a range makes no sense there. */
    static void rejectRange(String target, String command) {
        if (target.contains(":")) {
            throw new RetortException("'" + command + " " + target + "' takes a range only with --sql; online, "
                    + "the database says where it starts. Give just the target.");
        }
    }
}
