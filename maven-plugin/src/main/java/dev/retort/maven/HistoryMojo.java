package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code retort history}: the revisions, newest first. */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class HistoryMojo extends AbstractRetortMojo {

    /** FROM:TO, inclusive, either end optional. */
    @Parameter(property = "retort.range")
    String range;

    /** Print more: each statement as it runs, or each revision's parents, file and message. */
    @Parameter(property = "retort.verbose", defaultValue = "false")
    boolean verbose;

    @Override
    boolean readsEntities() {
        return false;
    }

    @Override
    List<String> command() throws MojoExecutionException {
        List<String> args = new ArrayList<>();
        args.add("history");
        if (range != null && !range.isBlank()) {
            args.add("--rev-range");
            args.add(range);
        }
        if (verbose) {
            args.add("--verbose");
        }
        return args;
    }
}
