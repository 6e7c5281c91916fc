package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code retort upgrade}: applies the revisions up to the target ({@code head} by default; {@code -Dretort.target=+1}). */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class UpgradeMojo extends AbstractRetortMojo {

    /** Where to go: head, a revision id or prefix, +N. */
    @Parameter(property = "retort.target", defaultValue = "head")
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
        args.add("upgrade");
        args.add(target);
        if (verbose) {
            args.add("--verbose");
        }
        lockArguments(args, lockTimeout, lockRetries);
        return args;
    }
}
