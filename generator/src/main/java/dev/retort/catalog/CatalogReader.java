package dev.retort.catalog;

import dev.retort.schema.Schema;
import java.sql.Connection;

/**
 * Reads the schema a live database has into the schema model, in a fixed number of bulk queries whatever the number
 * of tables, leaving out what the {@link CatalogFilter} excludes and Retort's own tables. One implementation per
 * database, which its platform gives ({@code SchemaPlatform.catalogReader}).
 *
 * @throws CatalogReadException (from each method) when the catalog cannot be read, saying why
 */
public interface CatalogReader {

    /**
     * Schema {@code schema} ({@code null}: the connection's working schema), or {@code null} when the database has
     * no schema of that name. A foreign key into another schema names it ({@code ForeignKey.referencedSchema}).
     */
    Catalog readCatalog(Connection connection, String schema);

    /** The connection's working schema, with what the database does not enforce or use. */
    default Catalog readCatalog(Connection connection) {
        Catalog catalog = readCatalog(connection, null);
        if (catalog == null) {
            throw new CatalogReadException("The connection has no working schema to read (the schema it names does "
                    + "not exist). Create the schema or fix the connection's schema setting.");
        }
        return catalog;
    }

    /** The connection's working schema (its {@link Schema#name()} is that schema's name). */
    default Schema read(Connection connection) {
        return readCatalog(connection).schema();
    }
}
