/**
 * The comparator: a pure function from the desired schema (entities) and the actual schema (catalog) to an
 * ordered list of operations plus warnings. One comparator per object kind; the few questions whose answer
 * depends on the database (are these types, defaults, expressions the same?) go to a
 * {@link dev.retort.diff.ComparisonDialect}.
 */
package dev.retort.diff;
