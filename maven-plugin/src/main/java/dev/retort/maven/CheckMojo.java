package dev.retort.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code retort check}: compares the entities with the database at head and fails the build, listing the changes,
 * when they differ. Bound to {@code verify} by default, so {@code mvn verify} fails on drift.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class CheckMojo extends AbstractRetortMojo {

    /** Also write the Markdown report here (for a pull-request comment), whatever the outcome. */
    @Parameter(property = "retort.report")
    File report;

    /** Also write the JSON report here, whatever the outcome. */
    @Parameter(property = "retort.reportJson")
    File reportJson;

    /** Also say where each setting that shapes the entities' DDL, and the database, came from. */
    @Parameter(property = "retort.verbose", defaultValue = "false")
    boolean verbose;

    /**
     * Also lint every revision after this one (the last released; {@code base}: all) and fail on an error-level
     * finding, as {@code retort check --lint-since}. Default: {@code lint.since} in retort.yaml.
     */
    @Parameter(property = "retort.lintSince")
    String lintSince;

    @Override
    boolean readsEntities() {
        return true;
    }

    @Override
    List<String> command() {
        return withLint(verbose ? List.of("check", "--verbose") : List.of("check"));
    }

    /** Ask the database's rows what the changes will do; false as --no-data-checks. */
    @Parameter(property = "retort.dataChecks", defaultValue = "true")
    boolean dataChecks;

    private List<String> withLint(List<String> command) {
        List<String> args = new java.util.ArrayList<>(command);
        if (!dataChecks) {
            args.add("--no-data-checks");
        }
        if (lintSince == null || lintSince.isBlank()) {
            return args;
        }
        args.add("--lint-since");
        args.add(lintSince);
        return args;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            super.execute();
            return;
        }
        // The reports first: a failing check still leaves them for the pull-request step. The second run of the
        // comparison is served by the schema caches.
        writeReport(report, "markdown");
        writeReport(reportJson, "json");
        super.execute();
    }

    private void writeReport(File file, String format) throws MojoExecutionException {
        if (file == null) {
            return;
        }
        Outcome outcome = invoke(arguments(withLint(List.of("check", "--format", format))));
        if (outcome.code() == 2) {
            return; // the text run that follows fails with the message
        }
        try {
            Path path = file.toPath();
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, outcome.out(), StandardCharsets.UTF_8);
            getLog().info("retort: " + format + " report written to " + path);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the check report " + file + ": " + e.getMessage()
                    + ". Point -Dretort.report at a writable file.", e);
        }
    }
}
