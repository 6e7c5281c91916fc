package dev.retort.ddl;

import java.util.List;

/**
 * SQL text split into statements the way the database's own command-line client splits it (for PostgreSQL,
 * psql: dollar quotes, nested comments and routine bodies included).
 *
 * @param statementStarts each statement's first (at most three) words, upper case
 * @param statements      each statement's text without its terminator, the comments before it included (a lint
 *                        allowance is written there)
 * @param scriptHazard    what the client would read differently from the server (a meta-command, a variable, an
 *                        unclosed quote), or {@code null}
 * @param transactionEnd  the leading words of the first statement that ends the transaction it runs in
 *                        ({@code COMMIT}, {@code ROLLBACK}), or {@code null} when none does
 */
public record SqlScan(List<String> statementStarts, List<String> statements, String scriptHazard,
                      String transactionEnd) {

    public SqlScan {
        statementStarts = List.copyOf(statementStarts);
        statements = List.copyOf(statements);
    }
}
