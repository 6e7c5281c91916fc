package dev.retort.catalog;

import dev.retort.RetortException;

/** The live catalog holds something the reader cannot turn into the schema model, or there is no schema to read. */
public class CatalogReadException extends RetortException {

    public CatalogReadException(String message) {
        super(message);
    }
}
