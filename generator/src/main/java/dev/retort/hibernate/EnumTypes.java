package dev.retort.hibernate;

import dev.retort.schema.EnumType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PostgreSQL enum types Hibernate creates for {@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)} columns from
 * the statements it registers for them ({@code PostgreSQLDialect.getCreateEnumTypeCommand}):
 * {@code create type Mood as enum ('HAPPY','SAD')}, followed by two {@code create cast} statements between the
 * type and {@code varchar}, which the schema model does not describe.
 */
final class EnumTypes {

    private static final Pattern CREATE_TYPE =
            Pattern.compile("(?is)\\s*create\\s+type\\s+(\\S+)\\s+as\\s+enum\\s*\\((.*)\\)\\s*");
    private static final Pattern CREATE_CAST = Pattern.compile("(?is)\\s*create\\s+cast\\s*\\(.*");

    private EnumTypes() {
    }

    /** The enum type these statements create, or empty when they are something else. */
    static Optional<EnumType> parse(String[] statements, HibernateTarget names) {
        if (statements.length == 0) {
            return Optional.empty();
        }
        Matcher type = CREATE_TYPE.matcher(statements[0]);
        if (!type.matches()) {
            return Optional.empty();
        }
        for (int i = 1; i < statements.length; i++) {
            if (!CREATE_CAST.matcher(statements[i]).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(new EnumType(names.verbatim(type.group(1)), literals(type.group(2))));
    }

    /** The string literals of a comma-separated list such as {@code 'A','it''s'}. */
    private static List<String> literals(String list) {
        List<String> values = new ArrayList<>();
        int i = 0;
        while (i < list.length()) {
            char c = list.charAt(i);
            if (c == '\'') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < list.length()) {
                    char d = list.charAt(i);
                    if (d == '\'' && i + 1 < list.length() && list.charAt(i + 1) == '\'') {
                        value.append('\'');
                        i += 2;
                    } else if (d == '\'') {
                        i++;
                        break;
                    } else {
                        value.append(d);
                        i++;
                    }
                }
                values.add(value.toString());
            } else {
                i++;
            }
        }
        return values;
    }
}
