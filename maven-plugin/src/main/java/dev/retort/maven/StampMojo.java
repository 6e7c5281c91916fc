package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code retort stamp}: records a revision as the database's without running anything: {@code mvn retort:stamp -Dretort.target=head}. */
@Mojo(name = "stamp", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class StampMojo extends AbstractRetortMojo {

    /** The revision to record: head, base, an id or prefix. */
    @Parameter(property = "retort.target")
    String target;

    /** Empty the version table first, even if it holds unknown revisions. */
    @Parameter(property = "retort.purge", defaultValue = "false")
    boolean purge;

    @Override
    boolean readsEntities() {
        return false;
    }

    @Override
    List<String> command() throws MojoExecutionException {
        List<String> args = new ArrayList<>();
        args.add("stamp");
        if (target == null || target.isBlank()) {
            throw new MojoExecutionException("retort:stamp needs the revision to record: -Dretort.target=head (or an id).");
        }
        args.add(target);
        if (purge) {
            args.add("--purge");
        }
        return args;
    }
}
