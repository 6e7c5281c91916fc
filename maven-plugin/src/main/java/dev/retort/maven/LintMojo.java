package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code retort lint}: checks the migrations for changes that are unsafe on a live database and fails the build on
 * an error-level finding (docs/lint.md). Needs no database.
 */
@Mojo(name = "lint", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class LintMojo extends AbstractRetortMojo {

    /** One revision, or FROM:TO; default every revision. */
    @Parameter(property = "retort.revisions")
    String revisions;

    /** text, json or markdown. */
    @Parameter(property = "retort.format", defaultValue = "text")
    String format;

    /** Also list the findings accepted on purpose, with their reasons. */
    @Parameter(property = "retort.verbose", defaultValue = "false")
    boolean verbose;

    @Override
    List<String> command() {
        List<String> args = new ArrayList<>(List.of("lint", "--format", format));
        if (verbose) {
            args.add("--verbose");
        }
        if (revisions != null && !revisions.isBlank()) {
            args.add(revisions);
        }
        return args;
    }
}
