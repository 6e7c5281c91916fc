package dev.retort.maven;

import dev.retort.cli.CliContext;
import dev.retort.cli.Main;
import dev.retort.config.EntitiesConfig;
import dev.retort.config.EnvironmentConfig;
import dev.retort.config.MigrationsConfig;
import dev.retort.config.RetortConfig;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /** The environment of retort.yaml (or of {@code <environments>}) to use (default: RETORT_ENV, else dev). */
    @Parameter(property = "retort.env")
    String env;

    /**
     * The database URL. In the POM it is the {@code dev} environment (so RETORT_URL, DATABASE_URL and
     * {@code -Dretort.env} still choose another); given as {@code -Dretort.url} it beats everything, as the
     * command line's --url does.
     */
    @Parameter(property = "retort.url")
    String url;

    /** The user for {@code <url>} (the dev environment's user). */
    @Parameter(property = "retort.user")
    String user;

    /** The password for {@code <url>}; never printed. Prefer {@code ${env.DB_PASSWORD}} to a literal. */
    @Parameter(property = "retort.password")
    String password;

    /**
     * Named databases, as environments: in retort.yaml:
     * {@code <environments><environment><name>prod</name><url>...</url><user>...</user><password>...</password>
     * </environment></environments>}, chosen with {@code -Dretort.env=prod}.
     */
    @Parameter
    List<Environment> environments;

    /** The folder of migration sources (migrations.directory). */
    @Parameter(property = "retort.migrations")
    File migrations;

    /** The Java package of the migrations (migrations.package). */
    @Parameter(property = "retort.migrationsPackage")
    String migrationsPackage;

    /** The table recording applied revisions (version_table; default retort_version). */
    @Parameter(property = "retort.versionTable")
    String versionTable;

    /** The PostgreSQL schema Retort works in and keeps its version table in (schema; default the connection's). */
    @Parameter(property = "retort.schema")
    String schema;

    /** Name patterns ({@code *}, {@code ?}) of the tables, sequences and types Retort manages (include). */
    @Parameter
    List<String> include;

    /** Name patterns of those it leaves alone (exclude). */
    @Parameter
    List<String> exclude;

    /** The schemas generate and check compare (schemas; default the working one and those the entities name). */
    @Parameter
    List<String> schemas;

    /**
     * Packages of @Entity classes (entities.packages). When neither names any, the packages of the @Entity classes
     * in target/classes, else in the module's dependencies built in the same reactor or of the same groupId.
     */
    @Parameter(property = "retort.packages")
    List<String> packages;

    /** Hibernate naming, both strategies: default, spring, or a PhysicalNamingStrategy class (like --naming). */
    @Parameter(property = "retort.naming")
    String naming;

    /** The physical naming strategy alone: a preset or a class (entities.naming.physical). */
    @Parameter
    String physicalNaming;

    /** The implicit naming strategy alone: a preset or a class (entities.naming.implicit). */
    @Parameter
    String implicitNaming;

    /** Further Hibernate settings that change the DDL (entities.settings), e.g. hibernate.default_schema. */
    @Parameter
    Map<String, String> settings;

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
        if (notThisModule()) {
            return;
        }
        if (readsEntities()) {
            noteHibernateVersion();
        }
        run(arguments(command()));
    }

    /**
     * In a multi-module build, a goal given on the command line ({@code mvn retort:check} from the root) runs in
     * every module; only those that declare the plugin in their own build (the migrations module) take part. A
     * module that inherits the plugin from its parent's {@code <plugins>} declares it too: keep it in the parent's
     * {@code <pluginManagement>}.
     */
    boolean notThisModule() {
        if (session == null || session.getProjects() == null || session.getProjects().size() <= 1) {
            return false;
        }
        if ("pom".equals(project.getPackaging())) {
            getLog().info("retort: skipped in " + project.getArtifactId() + " (an aggregator or parent POM)");
            return true;
        }
        boolean declared = project.getBuildPlugins().stream()
                .anyMatch(p -> "dev.retort".equals(p.getGroupId()) && "retort-maven-plugin".equals(p.getArtifactId()));
        if (!declared) {
            getLog().info("retort: skipped in " + project.getArtifactId() + " (it does not list retort-maven-plugin "
                    + "in its <build><plugins>)");
        }
        return !declared;
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
        option(args, "--env", given("retort.env", env));
        option(args, "--url", given("retort.url", null));
        if (debug) {
            args.add("--debug");
        }
        // The project's class path joins retort.yaml's entities.classpath (see configure), rather than replacing
        // it as --classpath would: the file may name entities the module does not depend on at run time.
        projectClasspath = readsEntities() || migrationsPackage() != null ? entityClasspath() : List.of();
        if (readsEntities()) {
            for (String p : entityPackages()) {
                option(args, "--package", p);
            }
        }
        args.addAll(command);
        return args;
    }

    /** The project's entity class path for this run, set by {@link #arguments}. */
    private List<String> projectClasspath = List.of();

    /** The value given as {@code -Dproperty}, which beats the POM's, else the POM's (or null). */
    String given(String property, String configured) {
        String value = session == null ? null : session.getUserProperties().getProperty(property);
        return value != null && !value.isBlank() ? value : configured;
    }

    private String migrationsPackage() {
        return given("retort.migrationsPackage", migrationsPackage);
    }

    /**
     * The plugin's configuration laid over retort.yaml's (or over none when the project has no retort.yaml): each
     * value given here replaces the file's, the rest of the file stays.
     */
    RetortConfig configure(RetortConfig file) {
        String pkg = migrationsPackage();
        String migrationsDir = migrations != null ? migrations.getAbsolutePath()
                : given("retort.migrations", null);
        if (migrationsDir == null && file.migrations().directory() == null && pkg != null && !pkg.isBlank()) {
            // Neither names a folder: the migrations are sources of this project, in their package's folder.
            migrationsDir = new File(project.getBuild().getSourceDirectory(), pkg.replace('.', '/')).getAbsolutePath();
        }
        MigrationsConfig m = new MigrationsConfig(
                migrationsDir != null ? migrationsDir : file.migrations().directory(),
                pkg != null ? pkg : file.migrations().packageName());
        Map<String, EnvironmentConfig> envs = new TreeMap<>(file.environments());
        if (environments != null) {
            for (Environment e : environments) {
                if (e.name == null || e.name.isBlank()) {
                    throw new IllegalStateException("Each <environment> in the retort-maven-plugin's configuration "
                            + "needs a <name> (dev, prod, ...).");
                }
                envs.put(e.name, new EnvironmentConfig(literal(e.url), literal(e.user), literal(e.password)));
            }
        }
        if (url != null && !url.isBlank()) {
            envs.put("dev", new EnvironmentConfig(literal(url), literal(given("retort.user", user)),
                    literal(given("retort.password", password))));
        }
        EntitiesConfig fe = file.entities();
        String physical = physicalNaming;
        String implicit = implicitNaming;
        String both = given("retort.naming", naming);
        if (both != null && !both.isBlank()) {
            boolean preset = both.equals("default") || both.equals("spring");
            physical = physical != null ? physical : both;
            implicit = implicit != null ? implicit : preset ? both : null;
        }
        Map<String, String> allSettings = new TreeMap<>(fe.settings());
        if (settings != null) {
            allSettings.putAll(settings);
        }
        List<String> classpath = new ArrayList<>(projectClasspath);
        for (String entry : fe.classpath()) {
            String absolute = file.baseDirectory().resolve(entry).normalize().toString();
            if (!classpath.contains(absolute)) {
                classpath.add(absolute);
            }
        }
        EntitiesConfig entities = new EntitiesConfig(fe.packages(), classpath,
                new EntitiesConfig.NamingConfig(physical != null ? physical : fe.naming().physical(),
                        implicit != null ? implicit : fe.naming().implicit()),
                allSettings);
        return new RetortConfig(file.file(), file.baseDirectory(), m,
                first(given("retort.versionTable", versionTable), file.versionTable()),
                first(given("retort.schema", schema), file.schema()), envs, entities,
                include != null ? include : file.include(), exclude != null ? exclude : file.exclude(),
                schemas != null ? schemas : file.schemas());
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    /** A value retort.yaml's {@code ${VAR}} expansion leaves as it is: Maven has interpolated the POM already. */
    private static String literal(String value) {
        return value == null || value.isBlank() ? null : value.replace("$", "$$");
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

    private static boolean isRetortsOwn(Artifact a) {
        String g = a.getGroupId();
        return g.equals("org.hibernate.orm") || g.equals("org.hibernate.models") || g.equals("org.hibernate")
                || (g.equals("jakarta.persistence") && a.getArtifactId().equals("jakarta.persistence-api"))
                || g.equals("dev.retort");
    }

    /**
     * Says once which Hibernate reads the entities when the project's own is another: Retort's, in the plugin's
     * own class realm. Another 7.x is a note (measured differences: docs/maven-plugin.md); 6 and older a warning.
     */
    private void noteHibernateVersion() {
        String ours = org.hibernate.Version.getVersionString();
        for (Artifact a : project.getArtifacts()) {
            if (!a.getArtifactId().equals("hibernate-core")
                    || !(a.getGroupId().equals("org.hibernate.orm") || a.getGroupId().equals("org.hibernate"))) {
                continue;
            }
            String theirs = a.getBaseVersion();
            if (theirs.startsWith("7.")) {
                if (!minor(theirs).equals(minor(ours))) {
                    getLog().info("retort: the project runs Hibernate ORM " + theirs + "; Retort reads its entities "
                            + "with its own " + ours + ". Between 7.2 and 7.4 Hibernate's DDL differs in a few "
                            + "constraints (a unique key on some element collections, the primary key of a one-to-many "
                            + "join table, NOT NULL on a primitive @Version, a check on @OrderColumn): see "
                            + "'Which Hibernate reads the entities' in Retort's docs/maven-plugin.md.");
                }
            } else {
                getLog().warn("retort: this project uses Hibernate ORM " + theirs + "; Retort reads its entities "
                        + "with its own Hibernate ORM " + ours + ". Mappings that Hibernate 7 reads differently from "
                        + theirs + " show as changes in check: upgrade the application to Hibernate 7, or review "
                        + "those changes.");
            }
            return;
        }
    }

    private static String minor(String version) {
        String[] parts = version.split("\\.");
        return parts.length > 1 ? parts[0] + "." + parts[1] : version;
    }

    /**
     * --package for each package of the @Entity classes, unless retort.yaml or the plugin names some: those in
     * target/classes, else those of the dependencies built in this reactor or sharing the project's groupId (the
     * entities module of a multi-module build).
     */
    private List<String> entityPackages() throws MojoExecutionException {
        if (packages != null && !packages.isEmpty()) {
            return packages;
        }
        if (config != null && config.isFile() && configNamesPackages(config.toPath())) {
            return List.of();
        }
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        EntityScan scan = new EntityScan();
        scan.scan(classes);
        List<String> where = new ArrayList<>(List.of(classes.toString()));
        if (scan.packages().isEmpty()) {
            for (Artifact a : project.getArtifacts()) {
                if (a.getFile() != null && !isRetortsOwn(a) && (inReactor(a) || a.getGroupId().equals(project.getGroupId()))) {
                    scan.scan(a.getFile().toPath());
                    where.add(a.getId());
                }
            }
        }
        List<String> minimal = scan.packages();
        if (minimal.isEmpty() && !scan.javaxEntities().isEmpty()) {
            throw new MojoExecutionException("The entities of " + project.getId() + " (such as "
                    + scan.javaxEntities().get(0) + ") are javax.persistence entities, for Hibernate 5 and JPA 2. "
                    + "Retort reads Jakarta Persistence entities (jakarta.persistence, Hibernate 6 and 7) with "
                    + "Hibernate ORM " + org.hibernate.Version.getVersionString() + ". Move the application to "
                    + "Jakarta Persistence first (Spring Boot 3 and later, Hibernate 6 and later; OpenRewrite's "
                    + "javax-to-jakarta recipe does most of it), then run Retort.");
        }
        if (minimal.isEmpty()) {
            throw new MojoExecutionException("No @Entity classes in " + String.join(", ", where) + " of "
                    + project.getId() + ", and no entity packages configured. Compile the project first (the goal "
                    + "runs after 'compile' when bound to a phase; from the command line run 'mvn compile "
                    + "retort:check'), or name the entity packages: <packages><package>com.acme.model</package>"
                    + "</packages> in the plugin's configuration, or entities.packages in retort.yaml.");
        }
        getLog().debug("retort: entity packages found: " + minimal);
        return minimal;
    }

    private boolean inReactor(Artifact a) {
        return session != null && session.getProjects() != null && session.getProjects().stream()
                .anyMatch(p -> p.getGroupId().equals(a.getGroupId()) && p.getArtifactId().equals(a.getArtifactId()));
    }

    private static boolean configNamesPackages(Path file) {
        try {
            return dev.retort.config.ConfigLoader.load(file, System.getenv()).entities().packages().size() > 0;
        } catch (RuntimeException e) {
            return true; // the command line reports what is wrong with the file
        }
    }

    /** What one run of the command line returned and printed. */
    record Outcome(int code, String out, String err) {
    }

    /** The command line, run in this JVM with the project's folder as its working directory. */
    Outcome invoke(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(System.getenv(), project.getBasedir().toPath(), Clock.systemUTC(),
                CliContext::randomRevisionId, this::configure);
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
            } else if (line.startsWith("WARNING")) {
                getLog().warn(line);
            } else if (!line.isBlank()) {
                getLog().info(line);
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
