package dev.retort.hibernate;

import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.AggregateColumn;
import org.hibernate.mapping.BasicValue;
import org.hibernate.tool.schema.internal.StandardTableExporter;
import org.hibernate.type.SqlTypes;

/**
 * The check constraint Hibernate derives for an aggregate column (an embeddable stored as one JSON or struct
 * column) from the non-null and checked columns inside it. Borrows the table exporter's own code for it, so
 * the expression is exactly Hibernate's.
 */
final class AggregateChecks extends StandardTableExporter {

    private static final String PREFIX = ", check (";

    AggregateChecks(Dialect dialect) {
        super(dialect);
    }

    /** The check expression for {@code column}, or {@code null} when Hibernate writes none. */
    String expression(AggregateColumn column) {
        if (isArray(column)) {
            return null;
        }
        StringBuilder sql = new StringBuilder();
        applyAggregateColumnCheck(sql, column);
        if (sql.isEmpty()) {
            return null;
        }
        String text = sql.toString();
        if (!text.startsWith(PREFIX) || !text.endsWith(")")) {
            throw new IllegalStateException("Unexpected aggregate check from Hibernate: " + text);
        }
        return text.substring(PREFIX.length(), text.length() - 1);
    }

    private static boolean isArray(AggregateColumn column) {
        BasicValue value = (BasicValue) column.getValue();
        return switch (value.getResolution().getJdbcType().getDefaultSqlTypeCode()) {
            case SqlTypes.STRUCT_ARRAY, SqlTypes.STRUCT_TABLE, SqlTypes.JSON_ARRAY, SqlTypes.XML_ARRAY,
                 SqlTypes.ARRAY -> true;
            default -> false;
        };
    }
}
