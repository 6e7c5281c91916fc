package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code retort downgrade}: undoes revisions down to the target: {@code mvn retort:downgrade -Dretort.target=-1}. */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class DowngradeMojo extends AbstractRetortMojo {

    /** Where to go: -N, a revision id or prefix, base. No default: a downgrade is never implied. */
    @Parameter(property = "retort.target")
    String target;

    /** Print more: each statement as it runs, or each revision's parents, file and message. */
    @Parameter(property = "retort.verbose", defaultValue = "false")
    boolean verbose;

    /** The lock_timeout every revision runs with (5s, 500ms), as --lock-timeout; default retort.yaml's lock_timeout. */
    @Parameter(property = "retort.lockTimeout")
    String lockTimeout;

    /** How often a revision that gave up on a lock runs again, as --lock-retries; default retort.yaml's lock_retries. */
    @Parameter(property = "retort.lockRetries")
    Integer lockRetries;

    @Override
    boolean readsEntities() {
        return false;
    }

    @Override
    List<String> command() throws MojoExecutionException {
        List<String> args = new ArrayList<>();
        args.add("downgrade");
        if (target == null || target.isBlank()) {
            throw new MojoExecutionException("retort:downgrade needs a target: -Dretort.target=-1 (one revision), a revision id, or base.");
        }
        args.add(target);
        if (verbose) {
            args.add("--verbose");
        }
        lockArguments(args, lockTimeout, lockRetries);
        return args;
    }
}
