package dev.retort.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retort.InertText;
import dev.retort.lint.Finding;
import dev.retort.lint.LintResult;
import java.util.List;
import java.util.Objects;

/** The output of {@code retort lint} in check's three formats. JSON field names are a documented, stable contract. */
final class LintReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LintReport() {
    }

    static String render(CheckReport.Format format, LintResult result, boolean verbose) {
        return switch (format) {
            case text -> text(result, verbose);
            case json -> json(result);
            case markdown -> markdown(result, verbose);
        };
    }

    private static String summary(LintResult result) {
        return plural(result.errors(), "error") + ", " + plural(result.warnings(), "warning") + " in "
                + plural(result.revisions(), "revision")
                + (result.allowedCount() == 0 ? "" : " (" + result.allowedCount() + " allowed on purpose)");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String text(LintResult result, boolean verbose) {
        StringBuilder out = new StringBuilder();
        String revision = null;
        for (Finding f : result.findings()) {
            if (f.allowed() && !verbose) {
                continue;
            }
            if (!Objects.equals(revision, f.revision())) {
                revision = f.revision();
                out.append(f.revision()).append(f.message().isEmpty() ? "" : ", " + InertText.line(f.message()))
                        .append(" (").append(InertText.line(f.source())).append(")\n");
            }
            out.append("  ").append(f.allowed() ? "allowed" : f.level().word()).append(' ').append(f.rule().id())
                    .append(": ").append(f.detail()).append(".\n");
            out.append("    at: ").append(f.statement()).append('\n');
            if (f.allowed()) {
                out.append("    allowed because: ").append(f.allowedBecause()).append('\n');
            } else {
                out.append("    why: ").append(f.rule().why()).append(".\n");
                out.append("    instead: ").append(f.rule().safeForm()).append(". See ").append(f.rule().docLink())
                        .append('\n');
            }
        }
        if (result.open().isEmpty()) {
            out.append("No lint findings: ").append(summary(result)).append(".\n");
        } else {
            out.append(summary(result)).append(".").append(result.errors() > 0 ? " Fix them, or accept one on "
                    + "purpose with @Revision(lint = @Allow(rule = \"...\", reason = \"...\"))." : "").append('\n');
        }
        return out.toString();
    }

    /**
     * {@code {"errors": n, "warnings": n, "allowed": n, "revisions": n, "findings": [{"rule", "level",
     * "revision", "file", "object", "statement", "message", "why", "safe_form", "doc", "allowed_because"}]}};
     * {@code allowed_because} only on accepted findings, which are listed too.
     */
    private static String json(LintResult result) {
        try {
            return JSON.writeValueAsString(jsonNode(result)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode jsonNode(LintResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("errors", result.errors());
        root.put("warnings", result.warnings());
        root.put("allowed", result.allowedCount());
        root.put("revisions", result.revisions());
        ArrayNode list = root.putArray("findings");
        for (Finding f : result.findings()) {
            ObjectNode node = list.addObject();
            node.put("rule", f.rule().id());
            node.put("level", f.level().word());
            node.put("revision", f.revision());
            node.put("file", f.source());
            node.put("object", f.object());
            node.put("statement", f.statement());
            node.put("message", f.detail());
            node.put("why", f.rule().why());
            node.put("safe_form", f.rule().safeForm());
            node.put("doc", f.rule().docLink());
            if (f.allowed()) {
                node.put("allowed_because", f.allowedBecause());
            }
        }
        return root;
    }

    private static String markdown(LintResult result, boolean verbose) {
        StringBuilder out = new StringBuilder("### Retort lint: ").append(summary(result)).append("\n\n");
        List<Finding> shown = result.findings().stream().filter(f -> verbose || !f.allowed()).toList();
        if (shown.isEmpty()) {
            return out.append("No findings.\n").toString();
        }
        out.append("| Level | Rule | Revision | Statement | Finding |\n|---|---|---|---|---|\n");
        for (Finding f : shown) {
            out.append("| ").append(f.allowed() ? "allowed" : f.level().word())
                    .append(" | [`").append(f.rule().id()).append("`](").append(f.rule().docLink()).append(")")
                    .append(" | ").append(cell(f.revision()))
                    .append(" | `").append(cell(f.statement()).replace("`", "'")).append('`')
                    .append(" | ").append(cell(f.detail()))
                    .append(f.allowed() ? " (allowed: " + cell(f.allowedBecause()) + ")" : "")
                    .append(" |\n");
        }
        return out.toString();
    }

    /**
     * What {@code generate} says about the revisions it just wrote, on stderr: one line per finding that counts,
     * then how to learn more. Nothing when there is none.
     */
    static void afterGenerate(java.io.PrintWriter err, LintResult result) {
        if (result.open().isEmpty()) {
            return;
        }
        err.println("Lint: " + plural(result.errors(), "error") + ", " + plural(result.warnings(), "warning")
                + " in what was written:");
        for (Finding f : result.open()) {
            err.println("  " + f.level().word() + " " + f.rule().id() + ": " + f.detail() + " ("
                    + f.rule().docLink() + ")");
        }
        err.println("Run 'retort lint " + result.open().get(0).revision() + "' for why and the safe form; accept a "
                + "finding on purpose with @Revision(lint = @Allow(rule = \"...\", reason = \"...\")).");
        err.flush();
    }

    /** Table-cell text that stays text: no column breaks, lines or HTML. */
    private static String cell(String value) {
        return InertText.line(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("|", "\\|");
    }
}
