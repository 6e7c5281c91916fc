package dev.retort.maven;

import dev.retort.cli.CliContext;
import dev.retort.cli.Main;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the settings of the command line, taken from {@code retort.yaml} when the project has one
 * and overridden by this plugin's configuration or {@code -Dretort.*}; the project's own class path for the
 * entities; and the command line itself, run in this JVM, its exit code turned into Maven's outcome.
 */
abstract class AbstractRetortMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /** Retort's configuration file; when it does not exist, everything comes from this plugin's configuration. */
    @Parameter(property = "retort.config", defaultValue = "${project.basedir}/retort.yaml")
    File config;

    /** The environment of retort.yaml to use (default: RETORT_ENV, else dev). */
    @Parameter(property = "retort.env")
    String env;

    /** The database URL; overrides RETORT_URL, DATABASE_URL and the environment. */
    @Parameter(property = "retort.url")
    String url;

    /** The folder of migration sources (overrides migrations.directory). */
    @Parameter(property = "retort.migrations")
    File migrations;

    /** The Java package of the migrations (overrides migrations.package). */
    @Parameter(property = "retort.migrationsPackage")
    String migrationsPackage;

    /**
     * Packages of @Entity classes (overrides entities.packages). When neither names any, the packages of the
     * project's own @Entity classes in target/classes.
     */
    @Parameter(property = "retort.packages")
    List<String> packages;

    /** Hibernate naming: default, spring, or a PhysicalNamingStrategy class (overrides entities.naming). */
    @Parameter(property = "retort.naming")
    String naming;

    /** Stack traces of errors, and notes on the caches. */
    @Parameter(property = "retort.debug", defaultValue = "false")
    boolean debug;

    /** Skips the goal. */
    @Parameter(property = "retort.skip", defaultValue = "false")
    boolean skip;

    /** The command and its own arguments, after the shared options. */
    abstract List<String> command() throws MojoExecutionException;

    /** Whether the goal reads entities (and so needs the project's class path). */
    boolean readsEntities() {
        return false;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("retort: skipped (retort.skip)");
            return;
        }
        run(arguments(command()));
    }

    /** The whole argument list: the shared options as configured, then {@code command}. */
    List<String> arguments(List<String> command) throws MojoExecutionException {
        List<String> args = new ArrayList<>();
        if (config != null && config.isFile()) {
            args.add("--config");
            args.add(config.getAbsolutePath());
        }
        // -Dretort.env and -Dretort.url on the command line beat the POM's configuration (Maven's own order is
        // the other way round): one database for this run, as the command line's --env and --url choose.
        option(args, "--env", override("retort.env", env));
        option(args, "--url", override("retort.url", url));
        if (migrations != null) {
            option(args, "--migrations", migrations.getAbsolutePath());
        } else if (!(config != null && config.isFile()) && migrationsPackage != null && !migrationsPackage.isBlank()) {
            // No retort.yaml: the migrations are sources of this project, in their package's folder.
            File dir = new File(project.getBasedir(), "src/main/java/" + migrationsPackage.replace('.', '/'));
            option(args, "--migrations", dir.getAbsolutePath());
        }
        option(args, "--migrations-package", migrationsPackage);
        option(args, "--naming", naming);
        if (debug) {
            args.add("--debug");
        }
        if (readsEntities() || migrationsPackage != null) {
            List<String> classpath = entityClasspath();
            if (!classpath.isEmpty()) {
                args.add("--classpath");
                args.add(String.join(File.pathSeparator, classpath));
            }
        }
        if (readsEntities()) {
            for (String p : entityPackages()) {
                option(args, "--package", p);
            }
        }
        args.addAll(command);
        return args;
    }

    private String override(String property, String configured) {
        String given = session == null ? null : session.getUserProperties().getProperty(property);
        return given != null && !given.isBlank() ? given : configured;
    }

    private static void option(List<String> args, String name, String value) {
        if (value != null && !value.isBlank()) {
            args.add(name);
            args.add(value);
        }
    }

    /**
     * target/classes and the compile and runtime dependencies, as Maven resolved them, without Hibernate ORM and
     * the persistence API: Retort reads the entities with its own Hibernate, and two on one class path would
     * mix their classes.
     */
    List<String> entityClasspath() throws MojoExecutionException {
        List<String> entries = new ArrayList<>();
        String output = project.getBuild().getOutputDirectory();
        if (output != null && new File(output).isDirectory()) {
            entries.add(output);
        }
        for (Artifact a : project.getArtifacts()) {
            String scope = a.getScope();
            if (!Artifact.SCOPE_COMPILE.equals(scope) && !Artifact.SCOPE_RUNTIME.equals(scope)
                    && !Artifact.SCOPE_PROVIDED.equals(scope) && !Artifact.SCOPE_SYSTEM.equals(scope)) {
                continue;
            }
            if (a.getFile() == null || isRetortsOwn(a)) {
                continue;
            }
            entries.add(a.getFile().getAbsolutePath());
        }
        return entries;
    }

    private boolean isRetortsOwn(Artifact a) {
        String g = a.getGroupId();
        if (g.equals("org.hibernate.orm") || g.equals("org.hibernate.models") || g.equals("org.hibernate")
                || (g.equals("jakarta.persistence") && a.getArtifactId().equals("jakarta.persistence-api"))) {
            if (a.getArtifactId().equals("hibernate-core") && !a.getBaseVersion().startsWith("7.")) {
                getLog().warn("retort: this project uses Hibernate ORM " + a.getBaseVersion() + "; Retort reads "
                        + "its entities with its own Hibernate ORM 7 (" + org.hibernate.Version.getVersionString()
                        + "). Mappings that Hibernate 7 reads differently from " + a.getBaseVersion() + " show as "
                        + "changes in check: upgrade the application to Hibernate 7, or review those changes.");
            }
            return true;
        }
        return g.equals("dev.retort");
    }

    /** --package for each package of the project's own @Entity classes, unless retort.yaml or the plugin names some. */
    private List<String> entityPackages() throws MojoExecutionException {
        if (packages != null && !packages.isEmpty()) {
            return packages;
        }
        if (config != null && config.isFile() && configNamesPackages(config.toPath())) {
            return List.of();
        }
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        Set<String> found = new TreeSet<>();
        if (Files.isDirectory(classes)) {
            try (Stream<Path> walk = Files.walk(classes)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                    if (isEntity(Files.readAllBytes(file))) {
                        Path dir = classes.relativize(file).getParent();
                        found.add(dir == null ? "" : dir.toString().replace(File.separatorChar, '.'));
                    }
                }
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot read the compiled classes in " + classes + ": " + e, e);
            }
        }
        found.remove("");
        List<String> minimal = new ArrayList<>();
        for (String p : found) {
            if (minimal.stream().noneMatch(m -> p.startsWith(m + "."))) {
                minimal.add(p);
            }
        }
        if (minimal.isEmpty()) {
            throw new MojoExecutionException("No @Entity classes in " + classes + " of " + project.getId()
                    + ", and no entity packages configured. Compile the project first (the goal runs after "
                    + "'compile' when bound to a phase; from the command line run 'mvn compile retort:check'), or "
                    + "name the entity packages: <packages><package>com.acme.model</package></packages> in the "
                    + "plugin's configuration, or entities.packages in retort.yaml (for entities in another module).");
        }
        getLog().debug("retort: entity packages found in target/classes: " + minimal);
        return minimal;
    }

    private static boolean configNamesPackages(Path file) {
        try {
            return dev.retort.config.ConfigLoader.load(file, System.getenv()).entities().packages().size() > 0;
        } catch (RuntimeException e) {
            return true; // the command line reports what is wrong with the file
        }
    }

    /** The class file names jakarta.persistence.Entity (in its annotations: a cheap, conservative test). */
    private static boolean isEntity(byte[] bytes) {
        byte[] needle = "Ljakarta/persistence/Entity;".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** What one run of the command line returned and printed. */
    record Outcome(int code, String out, String err) {
    }

    /** The command line, run in this JVM with the project's folder as its working directory. */
    Outcome invoke(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(System.getenv(), project.getBasedir().toPath(), Clock.systemUTC(),
                CliContext::randomRevisionId);
        getLog().debug("retort " + String.join(" ", redacted(args)));
        int code;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(Main.class.getClassLoader());
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = Main.run(context, o, e, args.toArray(String[]::new));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        return new Outcome(code, out.toString(), err.toString());
    }

    /** Runs the command line; its output goes to Maven's log, exit 1 (check's drift) fails the build, exit 2 is an error. */
    void run(List<String> args) throws MojoExecutionException, MojoFailureException {
        Outcome outcome = invoke(args);
        int code = outcome.code();
        outcome.out().lines().forEach(line -> getLog().info(line));
        String errors = outcome.err();
        List<String> messages = new ArrayList<>();
        for (String line : errors.lines().toList()) {
            if (line.startsWith("ERROR: ")) {
                messages.add(line.substring("ERROR: ".length()));
            } else if (!line.isBlank()) {
                getLog().warn(line);
            }
        }
        if (code == 1) {
            throw new MojoFailureException(outcome.out().strip());
        }
        if (code != 0) {
            throw new MojoExecutionException(messages.isEmpty() ? "retort exited with " + code + errors
                    : String.join("\n", messages));
        }
    }

    /** The arguments for a debug line, the URL's password hidden. */
    private static List<String> redacted(List<String> args) {
        List<String> shown = new ArrayList<>(args);
        for (int i = 0; i < shown.size() - 1; i++) {
            if (shown.get(i).equals("--url")) {
                shown.set(i + 1, dev.retort.config.Secrets.maskUrl(shown.get(i + 1)));
            }
        }
        return shown;
    }
}
