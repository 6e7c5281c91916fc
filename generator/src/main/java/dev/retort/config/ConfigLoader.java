package dev.retort.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.retort.FileAccessException;
import dev.retort.lint.LintRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Reads {@code retort.yaml} with Jackson's YAML support and expands {@code ${VAR}} in its top-level values. */
public final class ConfigLoader {

    private static final ObjectMapper YAML = yaml();

    private ConfigLoader() {
    }

    private static ObjectMapper yaml() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        // An empty list item ("- ") or map value ("dev:") would otherwise reach the code as a null.
        yaml.configOverride(List.class).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        yaml.configOverride(Map.class).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        return yaml;
    }

    public static RetortConfig load(Path file, Map<String, String> env) {
        return load(file, env, false);
    }

    /** @param explicit whether the user named the file ({@code --config}), which changes the advice when it is missing */
    public static RetortConfig load(Path file, Map<String, String> env, boolean explicit) {
        Path absolute = file.toAbsolutePath().normalize();
        String text;
        try {
            text = Files.readString(absolute);
        } catch (NoSuchFileException e) {
            throw new ConfigException(explicit
                    ? "The configuration file " + absolute + " given with --config does not exist. Check the path, "
                        + "or run 'retort init' to create it."
                    : "No configuration file at " + absolute + ". Run 'retort init' to create one, "
                        + "pass --config FILE, or give --migrations DIR on the command line (and --url for the "
                        + "commands that use a database).");
        } catch (IOException e) {
            throw new ConfigException("Cannot read the configuration file " + absolute + ": "
                    + FileAccessException.reason(absolute, e) + ". Make it a readable file"
                    + (explicit ? ", or correct --config." : ", or pass --config FILE."), e);
        }
        RetortConfig.Document doc;
        try {
            doc = text.isBlank() ? null : YAML.readValue(text, RetortConfig.Document.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(absolute + ":" + keyLine(text, e) + ": unknown key '" + e.getPropertyName()
                    + "' under " + path(e) + ". Known keys there: " + e.getKnownPropertyIds() + ".", e);
        } catch (InvalidNullException e) {
            throw new ConfigException(absolute + ":" + line(e.getLocation()) + ": " + pathOf(e) + " has no value. "
                    + "Give it one, or remove it.", e);
        } catch (MismatchedInputException e) {
            throw new ConfigException(absolute + ":" + line(e.getLocation()) + ": " + pathOf(e) + " has the wrong "
                    + "shape: expected " + expected(e.getTargetType()) + ". Fix the YAML (see docs/configuration.md "
                    + "for the format).", e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(absolute + ":" + line(e.getLocation()) + ": " + yamlProblem(e)
                    + ". Fix the YAML (see docs/configuration.md for the format).", e);
        }
        if (doc == null) {
            throw new ConfigException(absolute + " is empty. Run 'retort init' for a commented example.");
        }
        String name = absolute.toString();
        MigrationsConfig migrations = doc.migrations() == null ? null : new MigrationsConfig(
                notBlank(Interpolation.expand(doc.migrations().directory(), env, "migrations.directory", name),
                        "migrations.directory", name, "name the folder of the migration sources ('.' for the "
                                + "folder of this file), or remove the key"),
                notBlank(Interpolation.expand(doc.migrations().packageName(), env, "migrations.package", name),
                        "migrations.package", name, "name the package, or remove the key to use the sources' own"));
        EntitiesConfig entities = doc.entities() == null ? null : new EntitiesConfig(
                expandAll(doc.entities().packages(), env, "entities.packages", name),
                expandAll(doc.entities().classpath(), env, "entities.classpath", name),
                new EntitiesConfig.NamingConfig(
                        Interpolation.expand(doc.entities().naming().physical(), env, "entities.naming.physical", name),
                        Interpolation.expand(doc.entities().naming().implicit(), env, "entities.naming.implicit", name)),
                doc.entities().settings());
        return new RetortConfig(absolute, absolute.getParent(), migrations,
                notBlank(Interpolation.expand(doc.versionTable(), env, "version_table", name), "version_table", name,
                        "name the table, or remove the key for the default retort_version"),
                notBlank(Interpolation.expand(doc.schema(), env, "schema", name), "schema", name,
                        "name the schema, or remove the key for the connection's own (public)"),
                doc.environments(), entities, doc.include(), doc.exclude(),
                doc.schemas() == null ? null : doc.schemas().stream().map(s -> notBlank(
                        Interpolation.expand(s, env, "schemas", name), "schemas", name,
                        "name each schema, or remove the key for the working schema and the entities' own")).toList(),
                lint(doc.lint(), name), locks(doc, name), online(doc.safety(), name));
    }

    /** {@code safety: online} or {@code safety: default}. */
    private static boolean online(String safety, String file) {
        if (safety == null || safety.equals("default")) {
            return false;
        }
        if (safety.equals("online")) {
            return true;
        }
        throw new ConfigException(file + ": safety is '" + dev.retort.InertText.line(safety) + "'; give online (generate "
                + "writes the lock-safe form of every change) or default.");
    }

    private static LockConfig locks(RetortConfig.Document doc, String file) {
        if (doc.lockRetries() != null && doc.lockRetries() < 0) {
            throw new ConfigException(file + ": lock_retries is " + doc.lockRetries() + "; give 0 or more.");
        }
        return new LockConfig(LockConfig.parseDuration(doc.lockTimeout(), file + ": lock_timeout"), doc.lockRetries(),
                LockConfig.parseDuration(doc.lockRetryDelay(), file + ": lock_retry_delay"));
    }

    /** {@code lint.rules}: each key a rule id, each value error, warning or off; {@code lint.since}: a revision. */
    private static LintConfig lint(LintConfig.Document doc, String file) {
        if (doc == null) {
            return LintConfig.defaults();
        }
        String since = notBlank(doc.since(), "lint.since", file, "name the last released revision, or remove the "
                + "key so that check does not lint");
        java.util.Map<LintRule, LintRule.Level> levels = new java.util.EnumMap<>(LintRule.class);
        (doc.rules() == null ? java.util.Map.<String, String>of() : doc.rules()).forEach((id, word) -> {
            LintRule rule = LintRule.byId(id).orElseThrow(() -> new ConfigException(file + ": lint.rules names '"
                    + dev.retort.InertText.line(id) + "', which is not a lint rule. Rules: " + String.join(", ",
                    java.util.Arrays.stream(LintRule.values()).map(LintRule::id).toList()) + " (docs/lint.md)."));
            LintRule.Level level = LintRule.Level.parse(word).orElseThrow(() -> new ConfigException(file
                    + ": lint.rules." + id + " is '" + dev.retort.InertText.line(word) + "'; give error, warning "
                    + "or off."));
            levels.put(rule, level);
        });
        return new LintConfig(levels, since);
    }

    /** {@code value}, which may be absent but not empty: an empty name would reach the database or a path. */
    private static String notBlank(String value, String key, String file, String advice) {
        if (value != null && value.isBlank()) {
            throw new ConfigException(file + ": " + key + " is empty; " + advice + ".");
        }
        return value;
    }

    private static List<String> expandAll(List<String> values, Map<String, String> env, String where, String file) {
        return values.stream().map(v -> Interpolation.expand(v, env, where, file)).toList();
    }

    private static String line(JsonLocation location) {
        return location == null ? "?" : String.valueOf(location.getLineNr());
    }

    /** The key where the value sits, {@code environments.dev.url}. */
    private static String pathOf(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
        return path.isEmpty() ? "the document" : "'" + path + "'";
    }

    /** What a value of {@code type} looks like in YAML. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == String.class) {
            return "a single value (a string)";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list, like [a, b]";
        }
        return "a mapping of keys to values";
    }

    /** SnakeYAML's problem in one line, without its multi-line excerpt of the file. */
    private static String yamlProblem(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException y && y.getProblem() != null) {
            String context = y.getContext() == null ? "" : " (" + y.getContext()
                    + (y.getContextMark() == null ? "" : " that starts at line " + (y.getContextMark().getLine() + 1))
                    + ")";
            return y.getProblem() + context;
        }
        return e.getOriginalMessage().strip().replaceAll("\\s+", " ");
    }

    /**
     * The line of the unknown key itself. Jackson reports where it stopped reading, which for a record is past
     * the key's whole value, so search back from there for the key.
     */
    private static String keyLine(String text, UnrecognizedPropertyException e) {
        List<String> lines = text.lines().toList();
        int reported = e.getLocation() == null ? lines.size() : Math.min(e.getLocation().getLineNr(), lines.size());
        Pattern key = Pattern.compile("^\\s*(?:-\\s+)?[\"']?" + Pattern.quote(e.getPropertyName()) + "[\"']?\\s*:");
        for (int i = reported - 1; i >= 0; i--) {
            if (key.matcher(lines.get(i)).find()) {
                return String.valueOf(i + 1);
            }
        }
        return line(e.getLocation());
    }

    private static String path(UnrecognizedPropertyException e) {
        String path = e.getPath().stream().limit(Math.max(0, e.getPath().size() - 1))
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("");
        return path.isEmpty() ? "the top level" : "'" + path + "'";
    }
}
