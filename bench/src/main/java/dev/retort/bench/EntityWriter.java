package dev.retort.bench;

import dev.retort.bench.EntityModel.Field;
import dev.retort.bench.EntityModel.Relation;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a synthetic entity as a Java source file, in the annotation styles real applications mix: JPA 3.2's
 * {@code @CheckConstraint} and Hibernate's {@code @Check}, {@code @Table(comment)} and {@code @Comment},
 * {@code @ColumnDefault}, {@code @OnDelete}, {@code @JdbcTypeCode(SqlTypes.JSON)}. Field access, no accessors:
 * the classes only have to map, and to compile fast.
 */
final class EntityWriter {

    private static final String IMPORTS = """
            import jakarta.persistence.CheckConstraint;
            import jakarta.persistence.Column;
            import jakarta.persistence.Entity;
            import jakarta.persistence.EnumType;
            import jakarta.persistence.Enumerated;
            import jakarta.persistence.FetchType;
            import jakarta.persistence.ForeignKey;
            import jakarta.persistence.GeneratedValue;
            import jakarta.persistence.GenerationType;
            import jakarta.persistence.Id;
            import jakarta.persistence.Index;
            import jakarta.persistence.JoinColumn;
            import jakarta.persistence.ManyToOne;
            import jakarta.persistence.SequenceGenerator;
            import jakarta.persistence.Table;
            import jakarta.persistence.UniqueConstraint;
            import jakarta.persistence.Version;
            import java.math.BigDecimal;
            import java.time.Instant;
            import java.time.LocalDate;
            import java.time.OffsetDateTime;
            import java.util.Map;
            import java.util.UUID;
            import org.hibernate.annotations.Check;
            import org.hibernate.annotations.ColumnDefault;
            import org.hibernate.annotations.Comment;
            import org.hibernate.annotations.JdbcTypeCode;
            import org.hibernate.annotations.OnDelete;
            import org.hibernate.annotations.OnDeleteAction;
            import org.hibernate.type.SqlTypes;
            """;

    private EntityWriter() {
    }

    static String source(EntityModel e) {
        StringBuilder out = new StringBuilder(2048);
        out.append("package ").append(ModelGenerator.PACKAGE).append(";\n\n").append(IMPORTS).append('\n');
        boolean jpaStyle = e.index() % 2 == 0;
        if (e.comment() != null && !jpaStyle) {
            out.append("@Comment(\"").append(e.comment()).append("\")\n");
        }
        if (!jpaStyle) {
            for (EntityModel.Check check : e.checks()) {
                out.append("@Check(name = \"").append(check.name()).append("\", constraints = \"")
                        .append(check.expression()).append("\")\n");
            }
        }
        out.append("@Entity\n").append(table(e, jpaStyle)).append('\n');
        out.append("public class ").append(e.className()).append(" {\n\n");
        id(out, e);
        if (e.versioned()) {
            out.append("    @Version\n    @Column(name = \"version\")\n    private long version;\n\n");
        }
        for (Relation r : e.relations()) {
            relation(out, r);
        }
        int i = 0;
        for (Field f : e.fields()) {
            field(out, f, i++, jpaStyle);
        }
        out.append("}\n");
        return out.toString();
    }

    static String enumSource(String[] spec) {
        return "package " + ModelGenerator.PACKAGE + ";\n\npublic enum " + spec[0] + " {\n    "
                + String.join(", ", List.of(spec).subList(1, spec.length)) + "\n}\n";
    }

    private static String table(EntityModel e, boolean jpaStyle) {
        List<String> parts = new ArrayList<>();
        parts.add("name = \"" + e.table() + "\"");
        if (!e.uniques().isEmpty()) {
            List<String> uniques = new ArrayList<>();
            for (EntityModel.Unique u : e.uniques()) {
                uniques.add("@UniqueConstraint(name = \"" + u.name() + "\", columnNames = {" + quoted(u.columns()) + "})");
            }
            parts.add("uniqueConstraints = {\n        " + String.join(",\n        ", uniques) + "}");
        }
        if (!e.indexes().isEmpty()) {
            List<String> indexes = new ArrayList<>();
            for (EntityModel.Index ix : e.indexes()) {
                indexes.add("@Index(name = \"" + ix.name() + "\", columnList = \"" + String.join(", ", ix.columns())
                        + "\"" + (ix.unique() ? ", unique = true" : "") + ")");
            }
            parts.add("indexes = {\n        " + String.join(",\n        ", indexes) + "}");
        }
        if (jpaStyle && !e.checks().isEmpty()) {
            List<String> checks = new ArrayList<>();
            for (EntityModel.Check c : e.checks()) {
                checks.add("@CheckConstraint(name = \"" + c.name() + "\", constraint = \"" + c.expression() + "\")");
            }
            parts.add("check = {\n        " + String.join(",\n        ", checks) + "}");
        }
        if (jpaStyle && e.comment() != null) {
            parts.add("comment = \"" + e.comment() + "\"");
        }
        return "@Table(" + String.join(", ", parts) + ")";
    }

    private static void id(StringBuilder out, EntityModel e) {
        out.append("    @Id\n");
        switch (e.idKind()) {
            case SEQUENCE -> {
                String generator = "gen_" + e.table();
                out.append("    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"").append(generator)
                        .append("\")\n    @SequenceGenerator(name = \"").append(generator).append("\", sequenceName = \"")
                        .append(e.sequence()).append("\", allocationSize = ").append(e.allocationSize());
                if (e.initialValue() != 1) {
                    out.append(", initialValue = ").append(e.initialValue());
                }
                out.append(")\n    private Long id;\n\n");
            }
            case IDENTITY -> out.append("    @GeneratedValue(strategy = GenerationType.IDENTITY)\n    private Long id;\n\n");
            case UUID -> out.append("    @GeneratedValue(strategy = GenerationType.UUID)\n    private UUID id;\n\n");
        }
    }

    private static void relation(StringBuilder out, Relation r) {
        out.append("    @ManyToOne(fetch = FetchType.LAZY").append(r.nullable() ? "" : ", optional = false").append(")\n");
        out.append("    @JoinColumn(name = \"").append(r.column()).append('"');
        if (!r.nullable()) {
            out.append(", nullable = false");
        }
        if (r.foreignKeyName() != null) {
            out.append(", foreignKey = @ForeignKey(name = \"").append(r.foreignKeyName()).append("\")");
        }
        out.append(")\n");
        if (r.onDelete() != null) {
            out.append("    @OnDelete(action = OnDeleteAction.").append(r.onDelete()).append(")\n");
        }
        out.append("    private ").append(r.target().className()).append(' ').append(r.field()).append(";\n\n");
    }

    private static void field(StringBuilder out, Field f, int position, boolean jpaStyle) {
        String type = switch (f.kind()) {
            case VARCHAR, TEXT -> "String";
            case INTEGER -> f.primitive() ? "int" : "Integer";
            case BIGINT -> f.primitive() ? "long" : "Long";
            case BOOLEAN -> f.primitive() ? "boolean" : "Boolean";
            case TIMESTAMPTZ -> position % 2 == 0 ? "OffsetDateTime" : "Instant";
            case NUMERIC -> "BigDecimal";
            case UUID -> "UUID";
            case JSON -> "Map<String, Object>";
            case DATE -> "LocalDate";
            case ENUM_STRING, ENUM_ORDINAL, NAMED_ENUM -> f.javaEnum();
        };
        switch (f.kind()) {
            case JSON -> out.append("    @JdbcTypeCode(SqlTypes.JSON)\n");
            case ENUM_STRING -> out.append("    @Enumerated(EnumType.STRING)\n");
            case ENUM_ORDINAL -> out.append("    @Enumerated(EnumType.ORDINAL)\n");
            case NAMED_ENUM -> out.append("    @Enumerated(EnumType.STRING)\n    @JdbcTypeCode(SqlTypes.NAMED_ENUM)\n");
            default -> { }
        }
        List<String> column = new ArrayList<>();
        column.add("name = \"" + f.column() + "\"");
        if (!f.nullable()) {
            column.add("nullable = false");
        }
        if (f.unique()) {
            column.add("unique = true");
        }
        if (f.kind() == EntityModel.Kind.TEXT) {
            column.add("columnDefinition = \"text\"");
        }
        if (f.length() > 0 && f.length() != 255) {
            column.add("length = " + f.length());
        }
        if (f.precision() > 0) {
            column.add("precision = " + f.precision());
            column.add("scale = " + f.scale());
        }
        if (f.secondPrecision() >= 0) {
            column.add("secondPrecision = " + f.secondPrecision());
        }
        if (f.check() != null) {
            column.add("check = @CheckConstraint(" + (f.checkName() == null ? "" : "name = \"" + f.checkName() + "\", ")
                    + "constraint = \"" + f.check() + "\")");
        }
        if (f.comment() != null && jpaStyle) {
            column.add("comment = \"" + f.comment() + "\"");
        }
        out.append("    @Column(").append(String.join(", ", column)).append(")\n");
        if (f.comment() != null && !jpaStyle) {
            out.append("    @Comment(\"").append(f.comment()).append("\")\n");
        }
        if (f.defaultValue() != null) {
            out.append("    @ColumnDefault(\"").append(f.defaultValue()).append("\")\n");
        }
        out.append("    private ").append(type).append(' ').append(camel(f.column())).append(";\n\n");
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> '"' + n + '"').toList());
    }

    static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
