package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code retort generate}: compares the entities with the database at head and writes the migration for the difference: {@code mvn retort:generate -Dretort.message="add reminder index"}. */
@Mojo(name = "generate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class GenerateMojo extends AbstractRetortMojo {

    /** What the migration does; its class and file are named after it. */
    @Parameter(property = "retort.message")
    String message;

    /** The revision id to use instead of a random one. */
    @Parameter(property = "retort.revisionId")
    String revisionId;

    /** An empty migration to fill in by hand, without comparing. */
    @Parameter(property = "retort.empty", defaultValue = "false")
    boolean empty;

    /** Also say where each setting that shapes the entities' DDL, and the database, came from. */
    @Parameter(property = "retort.verbose", defaultValue = "false")
    boolean verbose;

    @Override
    boolean readsEntities() {
        return true;
    }

    /** Columns renamed on purpose, TABLE.OLD=NEW, as --rename (comma-separated on the command line). */
    @Parameter(property = "retort.rename")
    List<String> renames;

    /** Tables renamed on purpose, OLD=NEW, as --rename-table. */
    @Parameter(property = "retort.renameTable")
    List<String> renameTables;

    /** Write the lock-safe form of every change, as --online (safety: online in retort.yaml does it always). */
    @Parameter(property = "retort.online", defaultValue = "false")
    boolean online;

    /** Ask the database's rows what the changes will do (printed only); false as --no-data-checks. */
    @Parameter(property = "retort.dataChecks", defaultValue = "true")
    boolean dataChecks;

    @Override
    List<String> command() throws MojoExecutionException {
        List<String> args = new ArrayList<>();
        args.add("generate");
        if (!dataChecks) {
            args.add("--no-data-checks");
        }
        // Maven is not a terminal to answer at: a rename is said with the parameters, never asked.
        args.add("--no-input");
        if (online) {
            args.add("--online");
        }
        for (String r : renames == null ? List.<String>of() : renames) {
            args.add("--rename");
            args.add(r.strip());
        }
        for (String r : renameTables == null ? List.<String>of() : renameTables) {
            args.add("--rename-table");
            args.add(r.strip());
        }
        if (message == null || message.isBlank()) {
            throw new MojoExecutionException("retort:generate needs a message for the migration: -Dretort.message=\"add reminder index\".");
        }
        args.add(message);
        if (revisionId != null && !revisionId.isBlank()) {
            args.add("--rev-id");
            args.add(revisionId);
        }
        if (empty) {
            args.add("--empty");
        }
        if (verbose) {
            args.add("--verbose");
        }
        return args;
    }
}
