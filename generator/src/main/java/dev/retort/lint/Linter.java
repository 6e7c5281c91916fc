package dev.retort.lint;

import dev.retort.InertText;
import dev.retort.RetortException;
import dev.retort.ddl.Dialect;
import dev.retort.migration.Allow;
import dev.retort.migration.internal.LoadedRevision;
import dev.retort.migration.internal.RevisionGraph;
import dev.retort.op.Operation;
import dev.retort.runtime.RecordingExecutor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lints revisions' upgrades, offline: records each revision's operations (as {@code retort show} does), turns them
 * and the SQL they pass to {@code op.execute} into {@link Fact}s, and applies the {@link LintRule}s. A table counts
 * as existing unless the same revision creates it: a revision is assumed to be deployed on its own, onto a database
 * whose tables hold data. The whole chain is read in order, so a {@code CHECK (c IS NOT NULL)} validated in an
 * earlier revision makes a later {@code SET NOT NULL} safe; only the revisions asked for are reported.
 */
public final class Linter {

    private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+)(?:,(\\d+))?\\)");
    private static final List<String> VOLATILE = List.of("random(", "gen_random_uuid(", "uuid_generate_v",
            "clock_timestamp(", "timeofday(", "nextval(", "txid_current(", "generated always as");

    private final Dialect dialect;
    private final Map<LintRule, LintRule.Level> levels;
    private final boolean runnerSetsLockTimeout;

    /**
     * @param dialect               the database's DDL, which splits the SQL given to {@code op.execute} as its
     *                              command-line client would
     * @param configured            rule levels from retort.yaml; a rule not named keeps its default level
     * @param runnerSetsLockTimeout whether retort.yaml's {@code lock_timeout} has the runner set it on every
     *                              revision, which satisfies {@link LintRule#MISSING_LOCK_TIMEOUT}
     */
    public Linter(Dialect dialect, Map<LintRule, LintRule.Level> configured, boolean runnerSetsLockTimeout) {
        this.dialect = dialect;
        this.runnerSetsLockTimeout = runnerSetsLockTimeout;
        this.levels = new EnumMap<>(LintRule.class);
        for (LintRule rule : LintRule.values()) {
            levels.put(rule, configured.getOrDefault(rule, rule.defaultLevel()));
        }
    }

    public LintRule.Level level(LintRule rule) {
        return levels.get(rule);
    }

    /** Lints the upgrades of {@code selected} (ids of {@code graph}), reading the whole chain for context. */
    public LintResult lint(RevisionGraph graph, Collection<String> selected) {
        return lint(graph, selected, List.of());
    }

    /**
     * A revision not written yet: what {@code generate} is about to write, linted from its operations.
     *
     * @param source the file it goes to
     */
    public record Draft(String id, String message, String source, boolean transactional, List<Operation> operations) {
    }

    /** Lints {@code drafts}, revisions that follow {@code graph}'s head, in order, with the chain as context. */
    public LintResult lintDrafts(RevisionGraph graph, List<Draft> drafts) {
        return lint(graph, List.of(), drafts);
    }

    private LintResult lint(RevisionGraph graph, Collection<String> selected, List<Draft> drafts) {
        Set<String> wanted = new HashSet<>(selected);
        ChainState chain = new ChainState();
        List<Finding> findings = new ArrayList<>();
        for (LoadedRevision revision : graph.all()) {
            checkAllowances(revision);
            List<Finding> found = new ArrayList<>();
            new RevisionLint(revision.id(), revision.message(), revision.source(), revision.transactional(),
                    revision.lintAllowances(),
                    () -> RecordingExecutor.record(revision.newInstance(), true), chain, found).run();
            if (wanted.contains(revision.id())) {
                findings.addAll(found);
            }
        }
        for (Draft draft : drafts) {
            new RevisionLint(draft.id(), draft.message(), draft.source(), draft.transactional(),
                    List.of(), draft::operations, chain, findings).run();
        }
        return new LintResult(wanted.size() + drafts.size(), findings);
    }

    /** An {@code @Allow} must name a rule that exists and give a reason: a typo would silence nothing. */
    private static void checkAllowances(LoadedRevision revision) {
        for (Allow allow : revision.lintAllowances()) {
            if (LintRule.byId(allow.rule()).isEmpty()) {
                throw new RetortException("Revision " + revision.label() + " in " + revision.source() + " allows the "
                        + "lint rule '" + InertText.line(allow.rule()) + "', which does not exist. Rules: "
                        + String.join(", ", java.util.Arrays.stream(LintRule.values()).map(LintRule::id).toList())
                        + " (docs/lint.md).");
            }
            if (allow.reason().isBlank()) {
                throw new RetortException("Revision " + revision.label() + " in " + revision.source() + " allows the "
                        + "lint rule '" + allow.rule() + "' without a reason. Say why the finding is acceptable "
                        + "there: @Allow(rule = \"" + allow.rule() + "\", reason = \"...\").");
            }
        }
    }

    /** What earlier revisions established: validated {@code IS NOT NULL} checks, and NOT VALID ones by name. */
    private static final class ChainState {
        final Set<String> validatedNotNull = new HashSet<>();
        final Map<String, String> notValidNotNull = new HashMap<>();
    }

    private final class RevisionLint {
        private final String id;
        private final String message;
        private final String source;
        private final boolean transactional;
        private final List<Allow> allowances;
        private final java.util.function.Supplier<List<Operation>> upgrade;
        private final ChainState chain;
        private final List<Finding> found;
        private final Set<String> newTables = new HashSet<>();
        private final Set<String> newIndexes = new HashSet<>();
        private final Set<String> newColumns = new HashSet<>();
        private final Set<String> notValidHere = new HashSet<>();
        private boolean lockTimeout = runnerSetsLockTimeout;
        private boolean lockTimeoutReported;

        RevisionLint(String id, String message, String source, boolean transactional,
                     List<Allow> allowances, java.util.function.Supplier<List<Operation>> upgrade, ChainState chain,
                     List<Finding> found) {
            this.id = id;
            this.message = message;
            this.source = source;
            this.transactional = transactional;
            this.allowances = allowances;
            this.upgrade = upgrade;
            this.chain = chain;
            this.found = found;
        }

        void run() {
            List<Operation> operations;
            try {
                operations = upgrade.get();
            } catch (RuntimeException e) {
                report(LintRule.UNPARSED_SQL, "(the upgrade)", Map.of(), "", "the upgrade could not be recorded "
                        + "offline (" + InertText.line(String.valueOf(e.getMessage())) + "), so it is not linted; "
                        + "a migration that reads the database through op.connection() runs only online");
                return;
            }
            for (Operation operation : operations) {
                for (Fact fact : OperationFacts.of(operation, dialect)) {
                    check(fact);
                }
            }
        }

        private boolean existing(String table) {
            return table != null && !newTables.contains(table);
        }

        private void check(Fact fact) {
            Action a = fact.action();
            if (a instanceof Action.CreateTable t) {
                newTables.add(t.table());
            }
            lockTimeout(fact, a);
            if (a instanceof Action.CreateTable t) {
                t.columns().forEach(c -> style(fact, t.table(), c));
            } else if (a instanceof Action.CreateIndex i) {
                if (i.name() != null) {
                    newIndexes.add(i.name());
                }
                if (!i.concurrently() && existing(i.table())) {
                    report(LintRule.INDEX_NOT_CONCURRENT, fact, i.name() == null ? i.table() : i.name(),
                            "CREATE INDEX " + (i.name() == null ? "" : i.name() + " ") + "on the existing table "
                                    + i.table() + " without CONCURRENTLY");
                }
            } else if (a instanceof Action.DropIndex i) {
                boolean onExisting = i.table() != null ? existing(i.table()) : !newIndexes.contains(i.name());
                if (!i.concurrently() && onExisting) {
                    report(LintRule.INDEX_NOT_CONCURRENT, fact, i.name(), "DROP INDEX " + (i.name() == null ? ""
                            : i.name() + " ") + "without CONCURRENTLY" + (i.table() == null ? "" : " on the existing "
                            + "table " + i.table()));
                }
            } else if (a instanceof Action.AddConstraint c) {
                addConstraint(fact, c);
            } else if (a instanceof Action.ValidateConstraint v) {
                if (v.name() != null && notValidHere.contains(v.name()) && transactional) {
                    report(LintRule.CONSTRAINT_NOT_VALID, fact, v.name(), "VALIDATE CONSTRAINT " + v.name()
                            + " in the same transaction as its ADD ... NOT VALID, which keeps the ADD's lock for "
                            + "the whole scan; validate it in a later revision");
                }
                String column = chain.notValidNotNull.remove(v.name());
                if (column != null) {
                    chain.validatedNotNull.add(column);
                }
            } else if (a instanceof Action.SetNotNull n) {
                String key = n.table() + "." + n.column();
                if (existing(n.table()) && !chain.validatedNotNull.contains(key)) {
                    report(LintRule.SET_NOT_NULL, fact, key, "SET NOT NULL on " + key + " without a validated "
                            + "CHECK (" + n.column() + " IS NOT NULL) from an earlier step");
                }
            } else if (a instanceof Action.ChangeType t) {
                if (existing(t.table()) && rewrites(t.from(), t.to(), t.using())) {
                    report(LintRule.TYPE_CHANGE_REWRITE, fact, t.table() + "." + t.column(), t.from() == null
                            ? "the type of " + t.table() + "." + t.column() + " changes to " + t.to() + ", which "
                                + "rewrites the table unless it only widens a varchar or numeric (the statement "
                                + "does not say the type before)"
                            : "the type of " + t.table() + "." + t.column() + " changes from " + t.from() + " to "
                                + t.to() + (t.using() ? " with a USING expression" : "") + ", which rewrites the table");
                }
                styleType(fact, t.table() + "." + t.column(), t.to());
            } else if (a instanceof Action.AddColumn c) {
                newColumns.add(c.table() + "." + c.column().name());
                if (existing(c.table()) && isVolatile(c.column())) {
                    report(LintRule.VOLATILE_DEFAULT, fact, c.table() + "." + c.column().name(), "the new column "
                            + c.table() + "." + c.column().name() + (c.column().defaultSql() == null
                                ? " is an identity or serial column" : " has the default " + c.column().defaultSql())
                            + ", computed for every existing row");
                }
                style(fact, c.table(), c.column());
            } else if (a instanceof Action.DropTable d) {
                if (existing(d.table())) {
                    report(LintRule.DROP_TABLE, fact, d.table(), "DROP TABLE " + d.table());
                }
            } else if (a instanceof Action.DropColumn d) {
                String key = d.table() + "." + d.column();
                if (existing(d.table()) && !newColumns.contains(key)) {
                    report(LintRule.DROP_COLUMN, fact, key, "DROP COLUMN " + key);
                }
            } else if (a instanceof Action.RenameTable r) {
                if (existing(r.table())) {
                    report(LintRule.RENAME_TABLE, fact, r.table(), "RENAME " + r.table() + " TO " + r.to());
                } else {
                    newTables.add(r.to());
                }
            } else if (a instanceof Action.RenameColumn r) {
                String key = r.table() + "." + r.from();
                if (existing(r.table()) && !newColumns.contains(key)) {
                    report(LintRule.RENAME_COLUMN, fact, key, "RENAME COLUMN " + key + " TO " + r.to());
                }
            } else if (a instanceof Action.EndTransaction e) {
                if (transactional) {
                    report(LintRule.TRANSACTION_END, fact, "", e.keyword() + " ends the revision's transaction");
                }
            } else if (a instanceof Action.Unparsed u) {
                report(LintRule.UNPARSED_SQL, fact, "", u.reason());
            }
        }

        private void addConstraint(Fact fact, Action.AddConstraint c) {
            String object = c.name() != null ? c.name() : c.table();
            switch (c.kind()) {
                case FOREIGN_KEY, CHECK -> {
                    String what = c.kind() == Action.ConstraintKind.FOREIGN_KEY ? "foreign key" : "check";
                    if (existing(c.table()) && !c.notValid()) {
                        report(LintRule.CONSTRAINT_NOT_VALID, fact, object, "the " + what + " "
                                + (c.name() == null ? "" : c.name() + " ") + "on the existing table " + c.table()
                                + " is added without NOT VALID, so it is checked against every row under the lock");
                    }
                    if (c.notNullColumn() != null) {
                        String key = c.table() + "." + c.notNullColumn();
                        if (c.notValid() && c.name() != null) {
                            chain.notValidNotNull.put(c.name(), key);
                        } else if (!c.notValid()) {
                            chain.validatedNotNull.add(key);
                        }
                    }
                    if (c.notValid() && c.name() != null) {
                        notValidHere.add(c.name());
                    }
                }
                case UNIQUE, PRIMARY_KEY -> {
                    if (existing(c.table()) && !c.usingIndex()) {
                        report(LintRule.UNIQUE_CONSTRAINT_DIRECT, fact, object, "the "
                                + (c.kind() == Action.ConstraintKind.UNIQUE ? "unique constraint " : "primary key ")
                                + (c.name() == null ? "" : c.name() + " ") + "on the existing table " + c.table()
                                + " builds its index under ACCESS EXCLUSIVE");
                    }
                }
                default -> throw new IllegalStateException(c.kind().toString());
            }
        }

        /** The first lock taken on an existing table before any SET lock_timeout (concurrent builds excepted). */
        private void lockTimeout(Fact fact, Action a) {
            if (a instanceof Action.SetLockTimeout) {
                lockTimeout = true;
                return;
            }
            boolean weak = (a instanceof Action.CreateIndex i && i.concurrently())
                    || (a instanceof Action.DropIndex d && d.concurrently()) || a instanceof Action.ValidateConstraint;
            boolean locks = a instanceof Action.DropIndex d && d.table() == null ? !newIndexes.contains(d.name())
                    : existing(a.table());
            if (!lockTimeout && !lockTimeoutReported && locks && !weak) {
                lockTimeoutReported = true;
                String table = a.table() != null ? a.table() : ((Action.DropIndex) a).name();
                report(LintRule.MISSING_LOCK_TIMEOUT, fact, table, "the revision locks " + (a.table() != null
                        ? "the existing table " + table : "an existing index") + " with no lock_timeout set before");
            }
        }

        private void style(Fact fact, String table, Action.ColumnFact c) {
            String key = table + "." + c.name();
            if (c.primaryKey()) {
                String t = normalize(c.type());
                if (List.of("integer", "smallint", "serial", "smallserial", "int2", "serial4").contains(t)) {
                    report(LintRule.PREFER_BIGINT_PK, fact, key, "the primary key " + key + " is " + c.type());
                }
            }
            styleType(fact, key, c.type());
        }

        private void styleType(Fact fact, String key, String type) {
            String t = normalize(type);
            if (t.startsWith("timestamp") && !t.contains("with time zone") && !t.startsWith("timestamptz")) {
                report(LintRule.PREFER_TIMESTAMPTZ, fact, key, key + " is " + type);
            }
            if (VARCHAR.matcher(t).matches()) {
                report(LintRule.PREFER_TEXT, fact, key, key + " is " + type);
            }
        }

        private void report(LintRule rule, Fact fact, String object, String detail) {
            report(rule, fact.text(), fact.allowed(), object, detail);
        }

        private void report(LintRule rule, String statement, Map<String, String> inline, String object,
                            String detail) {
            LintRule.Level level = levels.get(rule);
            if (level == LintRule.Level.OFF) {
                return;
            }
            String reason = null;
            String inlineReason = inline.get(rule.id());
            if (inlineReason != null && !inlineReason.isBlank()) {
                reason = inlineReason;
            } else if (inlineReason != null) {
                detail += " (its retort:allow comment gives no reason after a colon, so it does not count)";
            }
            for (Allow allow : allowances) {
                if (reason == null && allow.rule().equals(rule.id())
                        && (allow.object().isEmpty() || covers(allow.object(), object))) {
                    reason = allow.reason();
                }
            }
            found.add(new Finding(rule, level, id, message, source, statement,
                    object, detail, reason == null ? null : InertText.line(reason)));
        }
    }

    /** An allowance for {@code users} covers {@code users.email} too. */
    private static boolean covers(String allowed, String object) {
        return object.equals(allowed) || object.startsWith(allowed + ".");
    }

    private static boolean isVolatile(Action.ColumnFact c) {
        return computedPerRow(c.defaultSql(), c.identity());
    }

    /**
     * Whether a new column's value is computed for every existing row, which rewrites the table: an identity or
     * generated column ({@code identityOrGenerated}), or a volatile default (random(), gen_random_uuid(),
     * clock_timestamp(), nextval(), ...). A constant or a stable default such as now() is stored once.
     */
    public static boolean computedPerRow(String defaultSql, boolean identityOrGenerated) {
        if (identityOrGenerated) {
            return true;
        }
        String d = defaultSql == null ? "" : defaultSql.toLowerCase(Locale.ROOT).replace(" ", "");
        return VOLATILE.stream().anyMatch(v -> d.contains(v.replace(" ", "")));
    }

    /**
     * Whether changing a column from {@code from} to {@code to} rewrites the table. It does not for a binary-
     * compatible change: varchar(n) to varchar(m >= n), varchar or text to text or unbounded varchar, numeric(p, s)
     * to numeric(q >= p, s) or unbounded numeric. A USING expression, or a type before that is not known, counts as
     * a rewrite.
     */
    public static boolean rewrites(String from, String to, boolean using) {
        if (using || from == null) {
            return true;
        }
        String f = normalize(from);
        String t = normalize(to);
        if (f.equals(t)) {
            return false;
        }
        boolean fromText = f.equals("text") || f.equals("varchar") || VARCHAR.matcher(f).matches();
        if (fromText && (t.equals("text") || t.equals("varchar"))) {
            return false;
        }
        Matcher fv = VARCHAR.matcher(f);
        Matcher tv = VARCHAR.matcher(t);
        if (fv.matches() && tv.matches()) {
            return Integer.parseInt(tv.group(1)) < Integer.parseInt(fv.group(1));
        }
        Matcher fn = NUMERIC.matcher(f);
        if (fn.matches() && t.equals("numeric")) {
            return false;
        }
        Matcher tn = NUMERIC.matcher(t);
        if (fn.matches() && tn.matches()) {
            String fs = fn.group(2) == null ? "0" : fn.group(2);
            String ts = tn.group(2) == null ? "0" : tn.group(2);
            return !fs.equals(ts) || Integer.parseInt(tn.group(1)) < Integer.parseInt(fn.group(1));
        }
        return true;
    }

    /** One spelling per type, for the comparisons above: lower case, {@code character varying} as {@code varchar}. */
    static String normalize(String type) {
        String t = type.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ").replaceAll(" ?\\( ?", "(")
                .replaceAll(" ?, ?", ",").replaceAll(" ?\\)", ")");
        t = t.replace("character varying", "varchar").replace("decimal", "numeric");
        return switch (t) {
            case "int", "int4" -> "integer";
            case "int8" -> "bigint";
            case "int2" -> "smallint";
            default -> t;
        };
    }
}
