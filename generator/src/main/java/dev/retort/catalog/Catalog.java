package dev.retort.catalog;

import dev.retort.schema.Schema;
import java.util.List;

/**
 * A schema as read from a database, and the objects in it the database does not fully enforce or use: an index
 * left unusable by an interrupted online build (PostgreSQL's INVALID; maintained, never used) and a constraint
 * added without checking the rows already there (PostgreSQL's NOT VALID). Both are in the schema as their
 * definitions say, so the comparison sees them as present; a reviewer must still hear of them.
 */
public record Catalog(Schema schema, List<Unenforced> unenforced) {

    public Catalog {
        unenforced = List.copyOf(unenforced);
    }

    /** An unusable index ({@code constraint == false}) or an unchecked constraint of {@code table}. */
    public record Unenforced(String table, String name, boolean constraint) {
    }
}
