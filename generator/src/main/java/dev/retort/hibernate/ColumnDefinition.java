package dev.retort.hibernate;

import dev.retort.schema.Deferrability;
import dev.retort.schema.Identity;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.SequenceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code @Column(columnDefinition)} split the way PostgreSQL's grammar splits a column definition: the data type,
 * then {@code [COLLATE name]} and the column constraints ({@code [CONSTRAINT name] NOT NULL | NULL | DEFAULT expr |
 * CHECK (expr) | UNIQUE | REFERENCES table [(column)] [ON DELETE/UPDATE action] | GENERATED ... AS IDENTITY
 * [(options)] | GENERATED ALWAYS AS (expr) STORED}, with
 * {@code [NOT] DEFERRABLE [INITIALLY ...]} after a unique or foreign key). Hibernate copies the definition into its
 * DDL as it is, so PostgreSQL creates whatever these clauses say; the reader moves each into its slot of the schema
 * model. Expressions are kept as written: PostgreSQL spells them later (the platform's spelling probe). What the
 * model has no slot for is listed in {@link #unsupported()}.
 *
 * @param type        the data type, as written
 * @param defaultSql  the {@code DEFAULT} expression, {@code null} for none (and for {@code DEFAULT NULL}, which
 *                    PostgreSQL does not store)
 * @param collation   the {@code COLLATE} name as PostgreSQL stores it, {@code null} for none
 * @param generated   the expression of {@code GENERATED ALWAYS AS (expr) STORED}, {@code null} for none
 * @param unsupported the clauses the schema model cannot describe, as written
 */
record ColumnDefinition(String type, boolean notNull, String defaultSql, Identity identity, List<Check> checks,
                        List<Unique> uniques, List<Reference> references, String collation, String generated,
                        List<String> unsupported) {

    /** A {@code CHECK}; {@code name} is {@code null} when PostgreSQL names it. */
    record Check(String name, String expression) {
    }

    /** A one-column {@code UNIQUE}; {@code name} is {@code null} when PostgreSQL names it. */
    record Unique(String name, Deferrability deferrability) {
    }

    /**
     * A one-column {@code REFERENCES}: table and columns as PostgreSQL folds them, no columns meaning the
     * table's primary key; {@code name} is {@code null} when PostgreSQL names it.
     */
    record Reference(String name, String table, List<String> columns, ReferentialAction onDelete,
                     ReferentialAction onUpdate, Deferrability deferrability) {
    }

    /** The words that start a constraint, so end the data type or a default expression. */
    private static final Set<String> CLAUSE_STARTS = Set.of("constraint", "not", "null", "default", "check", "unique",
            "primary", "references", "generated", "deferrable", "initially", "collate", "storage", "compression");

    ColumnDefinition {
        checks = List.copyOf(checks);
        uniques = List.copyOf(uniques);
        references = List.copyOf(references);
        unsupported = List.copyOf(unsupported);
    }

    /** Whether the definition is a plain data type (the common case: {@code "text"}, {@code "jsonb"}). */
    boolean isTypeOnly() {
        return !notNull && defaultSql == null && identity == null && checks.isEmpty() && uniques.isEmpty()
                && references.isEmpty() && collation == null && generated == null && unsupported.isEmpty();
    }

    /** {@code sql} read as a column definition; names in it are the database's as {@code names} folds them. */
    static ColumnDefinition parse(String sql, HibernateTarget names) {
        return new Parser(sql, names).parse();
    }

    private static final class Parser {
        private final String sql;
        private final List<DefinitionToken> tokens;
        private int at;
        private boolean notNull;
        private String defaultSql;
        private Identity identity;
        private String collation;
        private String generated;
        private final List<Check> checks = new ArrayList<>();
        private final List<Unique> uniques = new ArrayList<>();
        private final List<Reference> references = new ArrayList<>();
        private final List<String> unsupported = new ArrayList<>();
        /** The list whose last entry a following {@code DEFERRABLE} applies to (uniques, references), or null. */
        private List<?> deferrable;

        private final HibernateTarget names;

        Parser(String sql, HibernateTarget names) {
            this.sql = sql;
            this.names = names;
            this.tokens = DefinitionToken.split(sql);
        }

        ColumnDefinition parse() {
            at = Math.min(1, tokens.size()); // the first word is the type's, even when it reads "unique" or "check"
            while (at < tokens.size() && !isClauseStart(at)) {
                at++;
            }
            String type = sql.substring(0, at < tokens.size() ? tokens.get(at).start() : sql.length()).strip();
            if (type.isEmpty()) {
                unsupported.add("a definition without a data type");
            }
            while (at < tokens.size()) {
                int start = tokens.get(at).start();
                if (!clause()) {
                    unsupported.add(sql.substring(start).strip());
                    break;
                }
            }
            return new ColumnDefinition(type, notNull, defaultSql, identity, checks, uniques, references, collation,
                    generated, unsupported);
        }

        /** Reads one constraint; {@code false} when it is one the model cannot hold (the rest is then unread). */
        private boolean clause() {
            String name = null;
            if (word(at, "constraint") && at + 1 < tokens.size()) {
                name = names.verbatim(tokens.get(at + 1).text());
                at += 2;
            }
            deferrable = null;
            if (name == null && word(at, "collate") && at + 1 < tokens.size() && collation == null) {
                collation = names.verbatim(tokens.get(at + 1).text());
                at += 2;
                return true;
            }
            if (word(at, "generated") && word(at + 1, "always") && word(at + 2, "as") && group(at + 3, '(')
                    && word(at + 4, "stored") && generated == null) {
                generated = inner(at + 3);
                at += 5;
                return true;
            }
            if (word(at, "not") && word(at + 1, "null")) {
                notNull = true;
                at += 2;
            } else if (word(at, "null")) {
                at++;
            } else if (word(at, "default") && at + 1 < tokens.size()) {
                defaultSql = defaultExpression(++at);
            } else if (word(at, "check") && group(at + 1, '(')) {
                checks.add(new Check(name, inner(at + 1)));
                at += 2;
                return !(word(at, "no") && word(at + 1, "inherit"));
            } else if (word(at, "unique") && !word(at + 1, "nulls") && !word(at + 1, "include")
                    && !word(at + 1, "with") && !word(at + 1, "using")) {
                Unique unique = new Unique(name, Deferrability.NOT_DEFERRABLE);
                uniques.add(unique);
                deferrable = uniques;
                at++;
            } else if (word(at, "references") && at + 1 < tokens.size()) {
                return references(name);
            } else if (word(at, "generated") && identity == null) {
                return identity();
            } else {
                return false;
            }
            return deferrability();
        }

        /** From the first token after {@code DEFAULT} to the next clause, outside parentheses and CASE ... END. */
        private String defaultExpression(int first) {
            int end = first + 1;
            int cases = word(first, "case") ? 1 : 0;
            while (end < tokens.size() && (cases > 0 || !isClauseStart(end))) {
                cases += word(end, "case") ? 1 : word(end, "end") ? -1 : 0;
                end++;
            }
            String expression = sql.substring(tokens.get(first).start(), tokens.get(end - 1).end()).strip();
            at = end;
            // PostgreSQL stores no default for a NULL constant (casts included): there is then none to compare.
            return expression.toLowerCase(Locale.ROOT).matches("null(\\s*::.*)?") ? null : expression;
        }

        private boolean references(String name) {
            DefinitionToken table = tokens.get(at + 1);
            at += 2;
            if (!table.isName() || symbol(at, ".")) {
                return false; // another schema's table, or not a name
            }
            List<String> columns = List.of();
            if (group(at, '(')) {
                columns = DefinitionToken.split(inner(at)).stream().filter(t -> !t.text().equals(","))
                        .map(t -> names.verbatim(t.text())).toList();
                at++;
            }
            ReferentialAction onDelete = ReferentialAction.NO_ACTION;
            ReferentialAction onUpdate = ReferentialAction.NO_ACTION;
            while (true) {
                if (word(at, "match") && word(at + 1, "simple")) {
                    at += 2;
                } else if (word(at, "on") && (word(at + 1, "delete") || word(at + 1, "update"))) {
                    boolean delete = word(at + 1, "delete");
                    at += 2;
                    ReferentialAction action = action();
                    if (action == null) {
                        return false;
                    }
                    if (delete) {
                        onDelete = action;
                    } else {
                        onUpdate = action;
                    }
                } else {
                    break;
                }
            }
            Reference reference = new Reference(name, names.verbatim(table.text()), columns, onDelete,
                    onUpdate, Deferrability.NOT_DEFERRABLE);
            references.add(reference);
            deferrable = references;
            return deferrability();
        }

        private ReferentialAction action() {
            ReferentialAction action = null;
            int words = 2;
            if (word(at, "no") && word(at + 1, "action")) {
                action = ReferentialAction.NO_ACTION;
            } else if (word(at, "set") && word(at + 1, "null")) {
                action = ReferentialAction.SET_NULL;
            } else if (word(at, "set") && word(at + 1, "default")) {
                action = ReferentialAction.SET_DEFAULT;
            } else if (word(at, "restrict") || word(at, "cascade")) {
                action = word(at, "cascade") ? ReferentialAction.CASCADE : ReferentialAction.RESTRICT;
                words = 1;
            }
            if (action == null || group(at + words, '(')) {
                return null; // unknown, or SET NULL (columns), which the model cannot hold
            }
            at += words;
            return action;
        }

        /** {@code GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(options)]}; a stored generated column is not. */
        private boolean identity() {
            int next = at + 1;
            boolean always = word(next, "always");
            if (always) {
                next++;
            } else if (word(next, "by") && word(next + 1, "default")) {
                next += 2;
            } else {
                return false;
            }
            if (!word(next, "as") || !word(next + 1, "identity")) {
                return false;
            }
            at = next + 2;
            SequenceOptions options = SequenceOptions.DEFAULTS;
            if (group(at, '(')) {
                options = IdentityOptions.parse(inner(at));
                if (options == null) {
                    return false;
                }
                at++;
            }
            identity = new Identity(always, options);
            return true;
        }

        /** {@code [NOT] DEFERRABLE [INITIALLY {DEFERRED | IMMEDIATE}]} after a unique or foreign key. */
        private boolean deferrability() {
            Boolean isDeferrable = null;
            Boolean initiallyDeferred = null;
            while (true) {
                if (word(at, "deferrable")) {
                    isDeferrable = true;
                    at++;
                } else if (word(at, "not") && word(at + 1, "deferrable")) {
                    isDeferrable = false;
                    at += 2;
                } else if (word(at, "initially") && (word(at + 1, "deferred") || word(at + 1, "immediate"))) {
                    initiallyDeferred = word(at + 1, "deferred");
                    at += 2;
                } else {
                    break;
                }
            }
            if (isDeferrable == null && initiallyDeferred == null) {
                return true;
            }
            if (deferrable == null) {
                return false;
            }
            Deferrability value = Boolean.TRUE.equals(initiallyDeferred) ? Deferrability.DEFERRABLE_INITIALLY_DEFERRED
                    : Boolean.TRUE.equals(isDeferrable) ? Deferrability.DEFERRABLE_INITIALLY_IMMEDIATE
                    : Deferrability.NOT_DEFERRABLE;
            if (deferrable == uniques) {
                Unique u = uniques.remove(uniques.size() - 1);
                uniques.add(new Unique(u.name(), value));
            } else {
                Reference r = references.remove(references.size() - 1);
                references.add(new Reference(r.name(), r.table(), r.columns(), r.onDelete(), r.onUpdate(), value));
            }
            return true;
        }

        private boolean isClauseStart(int i) {
            return tokens.get(i).isWord() && CLAUSE_STARTS.contains(tokens.get(i).lowerText());
        }

        private boolean word(int i, String word) {
            return i < tokens.size() && tokens.get(i).isWord() && tokens.get(i).lowerText().equals(word);
        }

        private boolean symbol(int i, String symbol) {
            return i < tokens.size() && tokens.get(i).text().equals(symbol);
        }

        private boolean group(int i, char open) {
            return i < tokens.size() && tokens.get(i).isGroup(open);
        }

        private String inner(int i) {
            String text = tokens.get(i).text();
            return text.substring(1, text.length() - 1).strip();
        }
    }
}
