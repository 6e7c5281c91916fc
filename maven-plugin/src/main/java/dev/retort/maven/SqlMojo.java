package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code retort sql}: the offline SQL script from one revision to another: {@code mvn retort:sql -Dretort.range=base:head}. */
@Mojo(name = "sql", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class SqlMojo extends AbstractRetortMojo {

    /** FROM:TO, upwards or downwards. */
    @Parameter(property = "retort.range")
    String range;

    @Override
    boolean readsEntities() {
        return false;
    }

    @Override
    List<String> command() throws MojoExecutionException {
        List<String> args = new ArrayList<>();
        args.add("sql");
        if (range == null || range.isBlank()) {
            throw new MojoExecutionException("retort:sql needs the revisions: -Dretort.range=base:head (FROM:TO).");
        }
        args.add(range);
        return args;
    }
}
