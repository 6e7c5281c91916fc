package dev.retort.lint;

import dev.retort.InertText;
import dev.retort.ddl.Dialect;
import dev.retort.ddl.SqlScan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.drop.Drop;

/**
 * The facts of SQL given to {@code op.execute}. Statements are split as psql would ({@link Dialect#scan}, the
 * one reader Retort already trusts for quotes, dollar quotes and function bodies) and each is parsed with
 * JSqlParser 5.4 in its PostgreSQL dialect: a maintained, pure-Java parser with a structured tree for the DDL the
 * rules look at (CREATE INDEX CONCURRENTLY, ADD CONSTRAINT ... NOT VALID, ALTER COLUMN ... TYPE / SET NOT NULL).
 * (The server's own parser, libpg_query, has no maintained Java binding; a hand-written one would miss cases.)
 * Three forms JSqlParser 5.4 rejects are recognized from their leading words instead, since they are the safe
 * forms the rules recommend: {@code SET LOCAL lock_timeout}, {@code DROP INDEX CONCURRENTLY IF EXISTS} and
 * {@code ADD CONSTRAINT ... USING INDEX}. Anything else it cannot read becomes an {@code unparsed-sql} warning.
 */
final class SqlFacts {

    private static final Pattern ALLOW = Pattern.compile(
            "(?:--|/\\*)\\s*retort:allow\\s+([a-z0-9-]+)\\s*(?::\\s*(.*?))?\\s*(?:\\*/|$)", Pattern.MULTILINE);
    private static final Pattern USING_INDEX = Pattern.compile("(?is)^\\s*ALTER\\s+TABLE\\s+(?:ONLY\\s+)?"
            + "(?:IF\\s+EXISTS\\s+)?((?:\"(?:[^\"]|\"\")+\"|[\\w$]+)(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")+\"|[\\w$]+))*)\\s+"
            + "ADD\\s+(?:CONSTRAINT\\s+(\"(?:[^\"]|\"\")+\"|[\\w$]+)\\s+)?(UNIQUE|PRIMARY\\s+KEY)\\s+USING\\s+INDEX\\b.*");
    private static final Pattern NOT_NULL_CHECK = Pattern.compile(
            "(?is)^[\\s(]*(\"(?:[^\"]|\"\")+\"|[\\w$]+)\\s+IS\\s+NOT\\s+NULL[\\s)]*$");
    private static final Pattern VALIDATE = Pattern.compile(
            "(?is)^\\s*VALIDATE\\s+CONSTRAINT\\s+(\"(?:[^\"]|\"\")+\"|[\\w$]+)\\s*$");

    private SqlFacts() {
    }

    static List<Fact> read(String sql, Dialect dialect) {
        SqlScan scan = dialect.scan(sql);
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < scan.statements().size(); i++) {
            String text = scan.statements().get(i);
            String start = scan.statementStarts().get(i);
            String shown = InertText.line(withoutComments(text));
            Map<String, String> allowed = allowances(text);
            for (Action action : actions(text, start, dialect)) {
                facts.add(new Fact(action, shown, allowed));
            }
        }
        return facts;
    }

    /** {@code -- retort:allow rule: reason} comments; a rule without a reason maps to "". */
    static Map<String, String> allowances(String text) {
        Map<String, String> allowed = new LinkedHashMap<>();
        Matcher m = ALLOW.matcher(text);
        while (m.find()) {
            allowed.put(m.group(1), m.group(2) == null ? "" : m.group(2).strip());
        }
        return allowed;
    }

    private static String withoutComments(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (!line.strip().startsWith("--")) {
                out.append(out.length() == 0 ? "" : " ").append(line.strip());
            }
        }
        return out.toString();
    }

    private static List<Action> actions(String text, String start, Dialect dialect) {
        String[] words = start.split(" ");
        String end = dialect.transactionEnd(text);
        if (end != null) {
            return List.of(new Action.EndTransaction(end));
        }
        if (words[0].equals("SET") && words.length > 1 && (words[1].equals("LOCK_TIMEOUT")
                || (words.length > 2 && (words[1].equals("LOCAL") || words[1].equals("SESSION"))
                    && words[2].equals("LOCK_TIMEOUT")))) {
            return List.of(new Action.SetLockTimeout());
        }
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(text, p -> p.withDialect(AbstractJSqlParser.Dialect.POSTGRESQL));
        } catch (JSQLParserException | RuntimeException e) {
            return unparsed(text, words, e);
        }
        if (statement instanceof CreateIndex ci) {
            String type = ci.getIndex().getType();
            return List.of(new Action.CreateIndex(name(ci.getTable().getName()), name(ci.getIndex().getName()),
                    ci.isConcurrently(), type != null && type.toUpperCase(Locale.ROOT).contains("UNIQUE")));
        }
        if (statement instanceof Drop drop) {
            return drop(drop, words);
        }
        if (statement instanceof Alter alter) {
            return alter(alter);
        }
        if (statement instanceof CreateTable ct) {
            return List.of(createTable(ct));
        }
        return List.of(new Action.Other());
    }

    private static List<Action> unparsed(String text, String[] words, Exception e) {
        if (words.length >= 3 && words[0].equals("DROP") && words[1].equals("INDEX") && words[2].equals("CONCURRENTLY")) {
            return List.of(new Action.DropIndex(null, null, true));
        }
        Matcher using = USING_INDEX.matcher(text.strip());
        if (using.matches()) {
            String table = using.group(1);
            table = table.substring(table.lastIndexOf('.') + 1).strip();
            return List.of(new Action.AddConstraint(name(table), using.group(2) == null ? null : name(using.group(2)),
                    using.group(3).toUpperCase(Locale.ROOT).startsWith("UNIQUE") ? Action.ConstraintKind.UNIQUE
                            : Action.ConstraintKind.PRIMARY_KEY, false, true, null));
        }
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.append(t.getMessage() == null ? t.toString() : t.getMessage()).append('\n');
        }
        String message = chain.toString();
        Matcher at = Pattern.compile("Encountered:?\\s*(.*?)(?:, at line|\\R|$)").matcher(message);
        String reason = at.find() ? "JSqlParser cannot read it: it stopped at " + at.group(1).strip()
                : "JSqlParser cannot read it: " + message.lines().findFirst().orElse("");
        return List.of(new Action.Unparsed(InertText.line(reason)));
    }

    private static List<Action> drop(Drop drop, String[] words) {
        String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
        List<net.sf.jsqlparser.schema.Table> names = drop.getNames() != null && !drop.getNames().isEmpty()
                ? drop.getNames() : List.of(drop.getName());
        List<Action> actions = new ArrayList<>();
        for (net.sf.jsqlparser.schema.Table t : names) {
            if (type.equals("TABLE")) {
                actions.add(new Action.DropTable(name(t.getName())));
            } else if (type.equals("INDEX")) {
                actions.add(new Action.DropIndex(null, name(t.getName()),
                        words.length >= 3 && words[2].equals("CONCURRENTLY")));
            } else {
                actions.add(new Action.Other());
            }
        }
        return actions;
    }

    private static List<Action> alter(Alter alter) {
        String table = name(alter.getTable().getName());
        List<Action> actions = new ArrayList<>();
        for (AlterExpression e : alter.getAlterExpressions()) {
            actions.addAll(alterExpression(table, e));
        }
        return actions.isEmpty() ? List.of(new Action.AlterTable(table)) : actions;
    }

    private static List<Action> alterExpression(String table, AlterExpression e) {
        AlterOperation op = e.getOperation();
        List<Action> actions = new ArrayList<>();
        String text = e.toString();
        if (op == AlterOperation.ADD && e.getIndex() != null) {
            Index index = e.getIndex();
            boolean notValid = (index.getConstraintAttributes() != null && index.getConstraintAttributes().isNotValid())
                    || text.toUpperCase(Locale.ROOT).matches("(?s).*\\bNOT\\s+VALID\\b.*");
            String constraint = index.getName() == null ? null : name(index.getName());
            if (index instanceof ForeignKeyIndex) {
                actions.add(new Action.AddConstraint(table, constraint, Action.ConstraintKind.FOREIGN_KEY, notValid,
                        false, null));
            } else if (index instanceof CheckConstraint check) {
                actions.add(new Action.AddConstraint(table, constraint, Action.ConstraintKind.CHECK, notValid, false,
                        check.getExpression() == null ? null : notNullColumn(check.getExpression().toString())));
            } else if (e.getPkColumns() != null || (index.getType() != null
                    && index.getType().toUpperCase(Locale.ROOT).contains("PRIMARY"))) {
                actions.add(new Action.AddConstraint(table, constraint, Action.ConstraintKind.PRIMARY_KEY, false,
                        false, null));
            } else if (e.getUkColumns() != null || (index.getType() != null
                    && index.getType().toUpperCase(Locale.ROOT).contains("UNIQUE"))) {
                actions.add(new Action.AddConstraint(table, constraint, Action.ConstraintKind.UNIQUE, false, false,
                        null));
            } else {
                actions.add(new Action.AlterTable(table));
            }
            return actions;
        }
        if (op == AlterOperation.ADD && e.getColDataTypeList() != null) {
            for (AlterExpression.ColumnDataType c : e.getColDataTypeList()) {
                actions.add(new Action.AddColumn(table, column(c)));
            }
            return actions;
        }
        if (op == AlterOperation.ALTER) {
            if (e.getColumnSetNotNullList() != null) {
                e.getColumnSetNotNullList().forEach(c -> actions.add(new Action.SetNotNull(table, name(c.getColumnName()))));
            }
            if (e.getColDataTypeList() != null) {
                for (AlterExpression.ColumnDataType c : e.getColDataTypeList()) {
                    actions.add(new Action.ChangeType(table, name(c.getColumnName()), null,
                            c.getColDataType().toString(), c.getUsingExpression() != null
                                    || text.toUpperCase(Locale.ROOT).contains(" USING ")));
                }
            }
            return actions.isEmpty() ? List.of(new Action.AlterTable(table)) : actions;
        }
        if (op == AlterOperation.DROP && e.getColumnName() != null && e.getConstraintName() == null) {
            return List.of(new Action.DropColumn(table, name(e.getColumnName())));
        }
        if (op == AlterOperation.RENAME && e.getColumnOldName() != null) {
            return List.of(new Action.RenameColumn(table, name(e.getColumnOldName()), name(e.getColumnName())));
        }
        if (op == AlterOperation.RENAME_TABLE && e.getNewTableName() != null) {
            return List.of(new Action.RenameTable(table, name(e.getNewTableName())));
        }
        Matcher validate = VALIDATE.matcher(text);
        if (validate.matches()) {
            return List.of(new Action.ValidateConstraint(table, name(validate.group(1))));
        }
        return List.of(new Action.AlterTable(table));
    }

    private static Action createTable(CreateTable ct) {
        String table = name(ct.getTable().getName());
        List<String> pk = new ArrayList<>();
        if (ct.getIndexes() != null) {
            for (Index index : ct.getIndexes()) {
                if (index.getType() != null && index.getType().toUpperCase(Locale.ROOT).contains("PRIMARY")) {
                    index.getColumnsNames().forEach(c -> pk.add(name(c)));
                }
            }
        }
        List<Action.ColumnFact> columns = new ArrayList<>();
        if (ct.getColumnDefinitions() != null) {
            for (ColumnDefinition c : ct.getColumnDefinitions()) {
                Action.ColumnFact f = column(c);
                boolean key = f.primaryKey() || (pk.size() == 1 && pk.get(0).equals(f.name()));
                columns.add(new Action.ColumnFact(f.name(), f.type(), f.defaultSql(), f.identity(), key));
            }
        }
        return new Action.CreateTable(table, columns);
    }

    private static Action.ColumnFact column(ColumnDefinition c) {
        List<String> specs = c.getColumnSpecs() == null ? List.of() : c.getColumnSpecs();
        String joined = String.join(" ", specs).toUpperCase(Locale.ROOT);
        String defaultSql = null;
        for (int i = 0; i + 1 < specs.size(); i++) {
            if (specs.get(i).equalsIgnoreCase("DEFAULT")) {
                defaultSql = specs.get(i + 1);
            }
        }
        String type = c.getColDataType().toString();
        boolean serial = type.toLowerCase(Locale.ROOT).matches("(small|big)?serial\\d?");
        return new Action.ColumnFact(name(c.getColumnName()), type, defaultSql,
                serial || joined.contains("GENERATED"), joined.contains("PRIMARY KEY"));
    }

    /** The column of a check that says only {@code column IS NOT NULL}, else {@code null}. */
    static String notNullColumn(String expression) {
        Matcher m = NOT_NULL_CHECK.matcher(expression.strip());
        return m.matches() ? name(m.group(1)) : null;
    }

    /** A name as PostgreSQL stores it: a quoted one as written, an unquoted one folded to lower case. */
    static String name(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s.toLowerCase(Locale.ROOT);
    }
}
