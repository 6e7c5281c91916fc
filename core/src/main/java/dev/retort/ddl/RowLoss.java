package dev.retort.ddl;

/**
 * What a narrowing type change would do to some values: the SQL condition true of a row whose value would change
 * or make the change fail, and what happens to it, for people.
 *
 * @param tooLong whether the loss is a value cut to a shorter length (a string or bit string), which an explicit
 *                allowance can accept, rather than one out of range or rounded
 */
public record RowLoss(String condition, String what, boolean tooLong) {
}
