package dev.retort.schema;

/**
 * One key of an index: a column or an expression, with its sort order, null placement and operator class.
 *
 * @param column     the column name, or {@code null} for an expression key
 * @param expression the SQL expression, or {@code null} for a column key
 * @param opclass    the operator class, e.g. {@code text_pattern_ops}, or {@code null} for the default
 */
public record IndexElement(String column, String expression, boolean descending, NullsOrder nulls, String opclass) {

    /** Where an index puts nulls; {@code DEFAULT} means last for ascending and first for descending keys. */
    public enum NullsOrder { DEFAULT, FIRST, LAST }

    public IndexElement {
        if ((column == null) == (expression == null)) {
            throw new IllegalArgumentException("An index key is either a column or an expression");
        }
        if (nulls == null) {
            nulls = NullsOrder.DEFAULT;
        }
    }

    public static IndexElement column(String name) {
        return new IndexElement(Names.require(name, "index column"), null, false, NullsOrder.DEFAULT, null);
    }

    public static IndexElement expression(String sql) {
        return new IndexElement(null, Names.require(sql, "index expression"), false, NullsOrder.DEFAULT, null);
    }

    public IndexElement desc() {
        return new IndexElement(column, expression, true, nulls, opclass);
    }

    public IndexElement nullsFirst() {
        return new IndexElement(column, expression, descending, NullsOrder.FIRST, opclass);
    }

    public IndexElement nullsLast() {
        return new IndexElement(column, expression, descending, NullsOrder.LAST, opclass);
    }

    public IndexElement opclass(String value) {
        return new IndexElement(column, expression, descending, nulls, value);
    }

    public boolean isExpression() {
        return expression != null;
    }
}
