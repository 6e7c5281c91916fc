package dev.retort.runtime;

import dev.retort.ddl.Dialect;
import dev.retort.op.AddColumn;
import dev.retort.op.AddConstraint;
import dev.retort.op.AlterColumn;
import dev.retort.op.CreateIndex;
import dev.retort.op.DropColumn;
import dev.retort.op.DropConstraint;
import dev.retort.op.DropIndex;
import dev.retort.op.DropTable;
import dev.retort.op.ExecuteSql;
import dev.retort.op.InSchema;
import dev.retort.op.Operation;
import dev.retort.op.RenameColumn;
import dev.retort.op.RenameTable;
import dev.retort.op.SetTableComment;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which table a statement that gave up waiting for a lock worked on, so that the platform can say who holds locks on
 * it ({@link dev.retort.platform.Platform#lockHolders}): a typed operation's table, or the table an SQL statement
 * names after {@code ALTER TABLE}, {@code CREATE INDEX ... ON}, {@code UPDATE} and the like.
 */
final class LockHolders {

    private static final Pattern SQL_TABLE = Pattern.compile("(?is)\\b(?:ALTER\\s+TABLE(?:\\s+ONLY)?(?:\\s+IF\\s+EXISTS)?"
            + "|LOCK(?:\\s+TABLE)?(?:\\s+ONLY)?|CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+"
            + "EXISTS\\s+)?(?:\\S+\\s+)?ON(?:\\s+ONLY)?|DROP\\s+TABLE(?:\\s+IF\\s+EXISTS)?|UPDATE(?:\\s+ONLY)?"
            + "|DELETE\\s+FROM(?:\\s+ONLY)?|INSERT\\s+INTO|TRUNCATE(?:\\s+TABLE)?(?:\\s+ONLY)?)\\s+"
            + "((?:\"(?:[^\"]|\"\")+\"|[\\w$]+)(?:\\.(?:\"(?:[^\"]|\"\")+\"|[\\w$]+))?)");

    private LockHolders() {
    }

    /** The table {@code operation} locks, as SQL text {@code to_regclass} reads, or {@code null} when unknown. */
    static String table(Operation operation, String sql, Dialect dialect) {
        if (operation instanceof InSchema in) {
            String inner = table(in.operation(), sql, dialect);
            return inner == null || in.operation() instanceof ExecuteSql ? inner : dialect.quote(in.schema()) + "." + inner;
        }
        String name = null;
        if (operation instanceof AddColumn op) {
            name = op.table();
        } else if (operation instanceof AlterColumn op) {
            name = op.table();
        } else if (operation instanceof DropColumn op) {
            name = op.table();
        } else if (operation instanceof RenameColumn op) {
            name = op.table();
        } else if (operation instanceof CreateIndex op) {
            name = op.table();
        } else if (operation instanceof DropIndex op) {
            name = op.table();
        } else if (operation instanceof AddConstraint op) {
            name = op.table();
        } else if (operation instanceof DropConstraint op) {
            name = op.table();
        } else if (operation instanceof SetTableComment op) {
            name = op.table();
        } else if (operation instanceof DropTable op) {
            name = op.name();
        } else if (operation instanceof RenameTable op) {
            name = op.from();
        }
        if (name != null) {
            return dialect.quote(name);
        }
        if (sql != null) {
            Matcher m = SQL_TABLE.matcher(sql);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }
}
