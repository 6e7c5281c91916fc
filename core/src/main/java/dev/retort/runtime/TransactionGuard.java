package dev.retort.runtime;

import dev.retort.RetortException;
import dev.retort.migration.internal.LoadedRevision;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Keeps a transactional revision in the one transaction the runner opened for it. It marks that transaction
 * with a transaction-local setting, which PostgreSQL forgets when the transaction ends, so the runner can tell
 * before it records the revision whether the migration ended the transaction itself (a {@code COMMIT} sent
 * through {@code op.connection()}); and it hands migrations a connection whose {@code commit()},
 * {@code rollback()}, {@code setAutoCommit(true)} and {@code close()} refuse, naming the revision.
 */
final class TransactionGuard {

    private static final String SETTING = "retort.revision";

    private final Connection connection;
    private final LoadedRevision loaded;

    TransactionGuard(Connection connection, LoadedRevision loaded) {
        this.connection = connection;
        this.loaded = loaded;
    }

    /** Marks the transaction now open (or about to open: the driver begins one with this statement). */
    void mark() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT set_config('" + SETTING + "', ?, true)")) {
            ps.setString(1, loaded.id());
            ps.executeQuery().close();
        }
    }

    /** Whether the transaction {@link #mark()} marked is still the one open. */
    boolean intact() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT current_setting('" + SETTING + "', true)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return loaded.id().equals(rs.getString(1));
        }
    }

    /** The connection a migration gets from {@code op.connection()}: everything but ending the transaction. */
    Connection guarded() {
        InvocationHandler handler = (proxy, method, args) -> {
            String refused = refusal(method, args);
            if (refused != null) {
                throw new TransactionEndedException(refused);
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(TransactionGuard.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private static String refusal(Method method, Object[] args) {
        return switch (method.getName()) {
            case "commit", "close", "abort" -> "connection." + method.getName() + "()";
            case "rollback" -> args == null || args.length == 0 ? "connection.rollback()" : null;
            case "setAutoCommit" -> Boolean.TRUE.equals(args[0]) ? "connection.setAutoCommit(true)" : null;
            default -> null;
        };
    }

    /** A migration tried to end, or ended, the transaction its transactional revision runs in. */
    static final class TransactionEndedException extends RetortException {
        TransactionEndedException(String what) {
            super("The migration ends the transaction it runs in (" + what + "). Retort runs a revision and records "
                    + "it in one transaction, so that a failure leaves nothing of it behind; a COMMIT inside would leave "
                    + "it half applied and unrecorded. Remove it, or, when the revision must manage transactions itself "
                    + "(a batched backfill, CREATE INDEX CONCURRENTLY), declare it @Revision(..., transactional = false).");
        }
    }
}
