package dev.retort.ddl;

import dev.retort.op.Operation;
import java.util.List;

/**
 * Turns operations into SQL for one database. A second database is a second implementation, not an
 * {@code if} in every method.
 */
public interface Dialect {

    /** The statements that carry out {@code operation}, in order. */
    List<Statement> statements(Operation operation);

    /** The identifier as this database must read it: quoted only where needed, always correctly. */
    String quote(String identifier);

    /** A string literal. */
    String literal(String value);
}
