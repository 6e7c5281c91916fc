package dev.retort.schema;

/** Whether a unique or foreign key constraint may be checked at commit instead of per statement. */
public enum Deferrability {
    NOT_DEFERRABLE("NOT DEFERRABLE"),
    DEFERRABLE_INITIALLY_IMMEDIATE("DEFERRABLE INITIALLY IMMEDIATE"),
    DEFERRABLE_INITIALLY_DEFERRED("DEFERRABLE INITIALLY DEFERRED");

    private final String sql;

    Deferrability(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
