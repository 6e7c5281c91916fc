package dev.retort.cli;

import dev.retort.config.ConfigOverlay;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The command line for a build tool that runs it in its own JVM, perhaps in a class loader of its own (the Maven
 * plugin reading with the application's Hibernate): only JDK types cross, so the caller may hold other copies of
 * Retort's classes.
 */
public final class Embedded {

    private Embedded() {
    }

    /**
     * Runs {@code retort ARGS} in {@code workingDirectory} with the build's configuration laid over retort.yaml's.
     *
     * @return the exit code (an {@link Integer}), what went to stdout and what went to stderr
     */
    public static Object[] run(Map<String, String> env, String workingDirectory, String[] args,
                               Map<String, ?> configuration) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ConfigOverlay overlay = ConfigOverlay.fromMap(configuration);
        CliContext context = new CliContext(env, Path.of(workingDirectory), Clock.systemUTC(),
                CliContext::randomRevisionId, overlay::apply);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Embedded.class.getClassLoader());
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            try {
                code = Main.run(context, o, e, args);
            } catch (LinkageError failure) {
                // Retort's reader meets a Hibernate whose API it does not know (an application's own version).
                e.println("ERROR: Reading the entities with Hibernate ORM " + org.hibernate.Version.getVersionString()
                        + " failed: " + failure + ". Retort is built with another Hibernate ORM and cannot read with "
                        + "this one; read with Retort's own instead (-Dretort.hibernate=retort, or "
                        + "<hibernate>retort</hibernate> in the plugin's configuration), and report the version.");
                code = RetortCommand.ERROR;
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        return new Object[] {code, out.toString(), err.toString()};
    }
}
