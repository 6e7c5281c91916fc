package dev.retort.lint;

import java.util.Map;

/**
 * One statement of a revision's upgrade as the rules see it.
 *
 * @param action  what it does
 * @param text    what a finding shows: the operation's description, or the SQL statement
 * @param allowed the rules a {@code -- retort:allow rule: reason} comment before an SQL statement accepts for
 *                it, with their reasons
 */
record Fact(Action action, String text, Map<String, String> allowed) {

    Fact {
        allowed = Map.copyOf(allowed);
    }

    static Fact of(Action action, String text) {
        return new Fact(action, text, Map.of());
    }
}
