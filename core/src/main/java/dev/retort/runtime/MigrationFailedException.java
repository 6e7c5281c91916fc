package dev.retort.runtime;

import dev.retort.InertText;
import dev.retort.RetortException;
import dev.retort.migration.internal.LoadedRevision;
import java.util.List;

/** A migration failed; the message says what of it stays applied and at which revision the database is recorded. */
public class MigrationFailedException extends RetortException {

    /** What a failure left behind. */
    public enum Aftermath {
        /** The revision's transaction was rolled back: nothing of it stays. */
        ROLLED_BACK,
        /** The migration itself ended the transaction: what ran before that is committed. */
        ENDED_BY_MIGRATION,
        /** A non-transactional revision: the statements that completed stay applied. */
        NOT_TRANSACTIONAL,
        /**
         * A database whose DDL commits by itself (MariaDB): the statements that completed stay applied, and the
         * record of the revision's progress (the hint) says what ran and what undoes it.
         */
        RECORDED_HALF_WAY
    }

    private static final int LISTED_STATEMENTS = 5;

    private final String revision;
    private final Aftermath aftermath;
    private final boolean leftNothing;
    private final List<String> holders;
    private final boolean gaveUpOnLock;

    /**
     * @param committed the statements of a non-transactional revision that ran before the failure
     */
    public MigrationFailedException(LoadedRevision loaded, boolean upgrade, String operation, String sql,
                                    Throwable cause, List<String> stillAt, Aftermath aftermath,
                                    List<String> committed, String hint) {
        this(loaded, upgrade, operation, sql, cause, stillAt, aftermath, committed, hint, List.of(), false);
    }

    /**
     * @param holders      the sessions that held the lock the failed statement waited for, described, if it waited
     * @param gaveUpOnLock whether the statement gave up waiting for a lock (the platform's lock timeout)
     */
    public MigrationFailedException(LoadedRevision loaded, boolean upgrade, String operation, String sql,
                                    Throwable cause, List<String> stillAt, Aftermath aftermath,
                                    List<String> committed, String hint, List<String> holders, boolean gaveUpOnLock) {
        super(message(loaded, upgrade, operation, sql, cause, stillAt, aftermath, committed, hint), cause);
        this.revision = loaded.id();
        this.aftermath = aftermath;
        this.leftNothing = aftermath == Aftermath.ROLLED_BACK
                || (aftermath == Aftermath.NOT_TRANSACTIONAL && committed.isEmpty());
        this.holders = List.copyOf(holders);
        this.gaveUpOnLock = gaveUpOnLock;
    }

    /** Whether it failed because a statement gave up waiting for a lock ({@code lock_timeout}). */
    public boolean gaveUpOnLock() {
        return gaveUpOnLock;
    }

    /** Whether nothing of the revision stays applied, so running it again starts clean. */
    public boolean leftNothing() {
        return leftNothing;
    }

    /** The sessions that held the lock it gave up on, one description each; empty when unknown or not a lock. */
    public List<String> holders() {
        return holders;
    }

    public String revision() {
        return revision;
    }

    public Aftermath aftermath() {
        return aftermath;
    }

    private static String message(LoadedRevision loaded, boolean upgrade, String operation, String sql,
                                  Throwable cause, List<String> stillAt, Aftermath aftermath,
                                  List<String> committed, String hint) {
        StringBuilder m = new StringBuilder();
        m.append(upgrade ? "Upgrade" : "Downgrade").append(" of revision ").append(loaded.label())
                .append(" in ").append(loaded.source()).append(" failed");
        if (operation != null) {
            m.append(" at '").append(InertText.line(operation)).append("'");
        }
        m.append(": ").append(causeText(cause));
        if (sql != null) {
            m.append("\n  SQL: ").append(sql.replace("\n", "\n       "));
        }
        String at = stillAt.isEmpty() ? "base (no revision)" : "revision " + String.join(", ", stillAt);
        switch (aftermath) {
            case ROLLED_BACK -> m.append("\nThe database remains at ").append(at)
                    .append("; the failed revision's transaction was rolled back, nothing of it was applied.");
            case ENDED_BY_MIGRATION -> m.append("\nThe version table still records ").append(at).append(", but the "
                    + "migration ended its transaction itself, so what it ran before that point is committed and "
                    + "was not rolled back; only the rest was. Check those changes (and undo them by hand) before "
                    + "you run it again.");
            case NOT_TRANSACTIONAL -> {
                m.append("\nThe revision runs outside a transaction (@Revision(transactional = false)): ");
                if (committed.isEmpty()) {
                    m.append("no statement of it completed");
                } else {
                    m.append(committed.size()).append(committed.size() == 1 ? " statement of it completed and stays"
                            : " statements of it completed and stay").append(" applied:");
                    committed.stream().limit(LISTED_STATEMENTS).forEach(s -> m.append("\n    ")
                            .append(s.replace("\n", "\n    ")).append(';'));
                    if (committed.size() > LISTED_STATEMENTS) {
                        m.append("\n    ... and ").append(committed.size() - LISTED_STATEMENTS).append(" more");
                    }
                    m.append("\nThe version table still records ").append(at).append(". Running it again starts "
                            + "from its first statement: those above must be safe to repeat (IF NOT EXISTS), or be "
                            + "undone first");
                }
                m.append('.');
            }
            case RECORDED_HALF_WAY -> {
                if (committed.isEmpty()) {
                    m.append("\nNo statement of it ran; the database remains at ").append(at).append('.');
                }
            }
        }
        if (hint != null) {
            m.append(aftermath == Aftermath.RECORDED_HALF_WAY ? '\n' : ' ').append(hint);
        }
        return m.toString();
    }

    private static String causeText(Throwable cause) {
        if (cause instanceof java.sql.SQLException sql) {
            String state = sql.getSQLState() == null ? "" : " [SQLSTATE " + sql.getSQLState() + "]";
            return sql.getMessage().strip() + state;
        }
        if (cause instanceof RetortException) {
            return cause.getMessage();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
