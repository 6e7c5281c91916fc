package dev.retort.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retort.diff.ChangeDescriptions;
import dev.retort.diff.DetectedChange;
import dev.retort.diff.Diff;
import dev.retort.diff.Warning;
import dev.retort.lint.LintResult;
import java.util.List;

/** The output of {@code check} in its three formats. JSON field names are a documented, stable contract. */
final class CheckReport {

    /** Output formats of {@code check}. */
    enum Format { text, json, markdown }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CheckReport() {
    }

    /**
     * @param database warnings about the database itself (an INVALID index), reported whether or not anything
     *                 changed; they do not make {@code check} fail
     */
    static String render(Format format, Diff diff, List<String> heads, List<Warning> database) {
        return render(format, diff, heads, database, null, false);
    }

    /**
     * @param lint what linting the revisions after {@code lint.since} found, or {@code null} when check does not
     *             lint: text and Markdown append its report, JSON a {@code "lint"} object shaped as {@code lint}'s
     */
    static String render(Format format, Diff diff, List<String> heads, List<Warning> database, LintResult lint,
                         boolean verbose) {
        String report = renderDiff(format, diff, heads, database, lint);
        if (lint == null || format == Format.json) {
            return report;
        }
        return report + "\n" + LintReport.render(format, lint, verbose);
    }

    private static String renderDiff(Format format, Diff diff, List<String> heads, List<Warning> database,
                                     LintResult lint) {
        List<DetectedChange> changes = ChangeDescriptions.of(diff.operations());
        List<Warning> warnings = new java.util.ArrayList<>(diff.warnings());
        warnings.addAll(database);
        Diff reported = new Diff(diff.operations(), warnings, diff.unsupported());
        return switch (format) {
            case text -> text(reported, changes);
            case json -> json(reported, changes, heads, lint);
            case markdown -> markdown(reported, changes);
        };
    }

    private static String text(Diff diff, List<DetectedChange> changes) {
        if (diff.isEmpty()) {
            StringBuilder out = new StringBuilder("No changes detected.\n");
            diff.warnings().forEach(w -> out.append("WARNING (").append(w.kind().code()).append("): ")
                    .append(w.message()).append('\n'));
            return out.toString();
        }
        StringBuilder out = new StringBuilder();
        changes.forEach(c -> out.append("Detected ").append(c.description()).append('\n'));
        diff.warnings().forEach(w -> out.append("WARNING (").append(w.kind().code()).append("): ")
                .append(w.message()).append('\n'));
        int count = changes.size() + diff.unsupported();
        out.append(count).append(count == 1 ? " change" : " changes").append(" not in a migration. Run 'retort generate "
                + "\"describe the change\"' to write one.\n");
        return out.toString();
    }

    /**
     * {@code {"changes": [{"op", "table", "column", "name", "description"}], "warnings": [{"kind", "table",
     * "column", "message"}], "heads": [...], "changed": bool}}; fields that do not apply are left out.
     */
    private static String json(Diff diff, List<DetectedChange> changes, List<String> heads, LintResult lint) {
        ObjectNode root = JSON.createObjectNode();
        root.put("changed", !diff.isEmpty());
        ArrayNode list = root.putArray("changes");
        for (DetectedChange c : changes) {
            ObjectNode node = list.addObject();
            node.put("op", c.op());
            putIfPresent(node, "table", c.table());
            putIfPresent(node, "column", c.column());
            putIfPresent(node, "name", c.name());
            node.put("description", c.description());
        }
        ArrayNode warnings = root.putArray("warnings");
        for (Warning w : diff.warnings()) {
            ObjectNode node = warnings.addObject();
            node.put("kind", w.kind().code());
            putIfPresent(node, "table", w.table());
            putIfPresent(node, "column", w.column());
            node.put("message", w.message());
        }
        ArrayNode headList = root.putArray("heads");
        heads.forEach(headList::add);
        if (lint != null) {
            root.set("lint", LintReport.jsonNode(lint));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String markdown(Diff diff, List<DetectedChange> changes) {
        if (diff.isEmpty()) {
            StringBuilder out = new StringBuilder("### Retort check: no changes\n\nThe entities and the migrations agree.\n");
            for (Warning w : diff.warnings()) {
                out.append("\n> :warning: **").append(w.kind().code()).append("**: ").append(cell(w.message())).append('\n');
            }
            return out.toString();
        }
        int count = changes.size() + diff.unsupported();
        StringBuilder out = new StringBuilder("### Retort check: ").append(count)
                .append(count == 1 ? " schema change" : " schema changes").append(" not in a migration\n\n");
        if (!changes.isEmpty()) {
            out.append("| # | Operation | Table | Column | Name | Change |\n|---|---|---|---|---|---|\n");
            int i = 1;
            for (DetectedChange c : changes) {
                out.append("| ").append(i++).append(" | `").append(c.op()).append("` | ").append(code(c.table()))
                        .append(" | ").append(code(c.column())).append(" | ").append(code(c.name())).append(" | ")
                        .append(cell(c.description())).append(" |\n");
            }
            out.append('\n');
        }
        for (Warning w : diff.warnings()) {
            out.append("> :warning: **").append(w.kind().code()).append("**: ").append(cell(w.message())).append("\n>\n");
        }
        if (!diff.warnings().isEmpty()) {
            out.setLength(out.length() - 2);
            out.append('\n');
        }
        out.append("Run `retort generate \"describe the change\"` and commit the migration it writes.\n");
        return out.toString();
    }

    private static String code(String value) {
        return value == null ? "" : "`" + value.replace("`", "'").replace("|", "\\|") + "`";
    }

    private static String cell(String value) {
        return value.replace("|", "\\|").replace("\n", " ");
    }
}
