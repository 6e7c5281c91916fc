package dev.retort.maven;

import dev.retort.cli.Embedded;
import java.io.File;
import java.nio.file.Path;
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

    /**
     * Which Hibernate ORM reads the entities: {@code project}, the project's own when it is 7.2 or later (in a class
     * loader of its own, so the DDL is the one the application's Hibernate writes), or {@code retort}, Retort's
     * own (7.4).
     */
    @Parameter(property = "retort.hibernate", defaultValue = "project")
    String hibernate;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    org.apache.maven.plugin.descriptor.PluginDescriptor plugin;

    /** The command and its own arguments, after the shared options. */
    abstract List<String> command() throws MojoExecutionException;

    /** {@code --lock-timeout} and {@code --lock-retries} for upgrade and downgrade, where configured. */
    static void lockArguments(List<String> args, String lockTimeout, Integer lockRetries) {
        if (lockTimeout != null && !lockTimeout.isBlank()) {
            args.add("--lock-timeout");
            args.add(lockTimeout);
        }
        if (lockRetries != null) {
            args.add("--lock-retries");
            args.add(lockRetries.toString());
        }
    }

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
     * The plugin's configuration, laid over retort.yaml's (or over none when the project has no retort.yaml) by
     * {@link dev.retort.config.ConfigOverlay}: plain values, as they cross into a class loader of their own.
     */
    Map<String, Object> overlay() {
        Map<String, Object> o = new TreeMap<>();
        String pkg = migrationsPackage();
        o.put("migrationsPackage", pkg);
        o.put("migrationsDirectory", migrations != null ? migrations.getAbsolutePath() : given("retort.migrations", null));
        if (pkg != null && !pkg.isBlank()) {
            // Neither names a folder: the migrations are sources of this project, in their package's folder.
            o.put("defaultMigrationsDirectory",
                    new File(project.getBuild().getSourceDirectory(), pkg.replace('.', '/')).getAbsolutePath());
        }
        List<Map<String, String>> envs = new ArrayList<>();
        if (environments != null) {
            for (Environment e : environments) {
                envs.add(environment(e.name, e.url, e.user, e.password));
            }
        }
        if (url != null && !url.isBlank()) {
            envs.add(environment("dev", url, given("retort.user", user), given("retort.password", password)));
        }
        o.put("environments", envs);
        String physical = physicalNaming;
        String implicit = implicitNaming;
        String both = given("retort.naming", naming);
        if (both != null && !both.isBlank()) {
            boolean preset = both.equals(dev.retort.hibernate.NamingSettings.DEFAULT_PRESET)
                    || both.equals(dev.retort.hibernate.NamingSettings.SPRING_PRESET);
            physical = physical != null ? physical : both;
            implicit = implicit != null ? implicit : preset ? both : null;
        }
        o.put("physicalNaming", physical);
        o.put("implicitNaming", implicit);
        o.put("settings", settings == null ? null : new TreeMap<>(settings));
        o.put("classpath", List.copyOf(projectClasspath));
        o.put("versionTable", given("retort.versionTable", versionTable));
        o.put("schema", given("retort.schema", schema));
        o.put("include", include == null ? null : List.copyOf(include));
        o.put("exclude", exclude == null ? null : List.copyOf(exclude));
        o.put("schemas", schemas == null ? null : List.copyOf(schemas));
        return o;
    }

    private static Map<String, String> environment(String name, String url, String user, String password) {
        Map<String, String> e = new TreeMap<>();
        e.put("name", name == null ? "" : name);
        if (url != null) {
            e.put("url", url);
        }
        if (user != null) {
            e.put("user", user);
        }
        if (password != null) {
            e.put("password", password);
        }
        return e;
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
     * Which Hibernate reads the entities: the project's own, in a class loader of its own, when it is Hibernate ORM
     * 7.2 or later and not Retort's own version; Retort's own otherwise (or when {@code -Dretort.hibernate=retort}).
     * Says once why, when the two differ. Null for Retort's own.
     */
    private HibernateRealm realm() throws MojoExecutionException {
        Artifact core = null;
        for (Artifact a : project.getArtifacts()) {
            if (a.getArtifactId().equals("hibernate-core")
                    && (a.getGroupId().equals("org.hibernate.orm") || a.getGroupId().equals("org.hibernate"))) {
                core = a;
            }
        }
        String ours = org.hibernate.Version.getVersionString();
        if (core == null || core.getBaseVersion().equals(ours)) {
            return null;
        }
        String theirs = core.getBaseVersion();
        String choice = given("retort.hibernate", hibernate);
        if (!"project".equals(choice) && !"retort".equals(choice)) {
            throw new MojoExecutionException("retort.hibernate is '" + choice + "'; it is 'project' (read the entities "
                    + "with the project's own Hibernate ORM, " + theirs + ") or 'retort' (with Retort's own, " + ours
                    + "). Correct <hibernate> in the plugin's configuration or -Dretort.hibernate.");
        }
        boolean readable = HibernateRealm.canRead(theirs);
        if ("project".equals(choice) && readable) {
            announce("retort: reading the entities with the project's own Hibernate ORM " + theirs + " (Retort's own "
                    + "is " + ours + "), in a class loader of their own.", false);
            return HibernateRealm.of(retortJars(), hibernateJars(core));
        }
        if (theirs.startsWith("7.")) {
            announce("retort: the project runs Hibernate ORM " + theirs + "; Retort reads its entities with its own "
                    + ours + (readable ? ", as retort.hibernate says" : " (it reads with a project's own from 7.2 on)")
                    + ". Between 7.2 and 7.4 Hibernate's DDL differs in a few constraints: see 'Which Hibernate reads "
                    + "the entities' in Retort's docs/maven-plugin.md.", false);
        } else {
            announce("retort: this project uses Hibernate ORM " + theirs + "; Retort reads its entities with its own "
                    + "Hibernate ORM " + ours + ". Mappings that Hibernate 7 reads differently from " + theirs
                    + " show as changes in check: upgrade the application to Hibernate 7, or review those changes.",
                    true);
        }
        return null;
    }

    private boolean announced;

    private void announce(String line, boolean warning) {
        if (!announced) {
            announced = true;
            if (warning) {
                getLog().warn(line);
            } else {
                getLog().info(line);
            }
        }
    }

    /** Retort's own jars from the plugin's dependencies, without the Hibernate it was built with. */
    private List<File> retortJars() throws MojoExecutionException {
        List<File> jars = new ArrayList<>();
        for (Artifact a : plugin.getArtifacts()) {
            String g = a.getGroupId();
            if (g.equals("dev.retort") || g.equals("info.picocli") || g.startsWith("com.fasterxml.jackson")
                    || g.equals("org.yaml") || g.equals("org.postgresql") || g.equals("org.checkerframework")) {
                jars.add(a.getFile());
            }
        }
        if (jars.stream().noneMatch(f -> f.getName().startsWith("retort-generator"))) {
            throw new MojoExecutionException("The retort-maven-plugin's own dependencies do not include "
                    + "retort-generator; reinstall the plugin.");
        }
        return jars;
    }

    /** The project's Hibernate ORM: hibernate-core, what it depends on, and the persistence API. */
    private List<File> hibernateJars(Artifact core) {
        String trail = core.getGroupId() + ":" + core.getArtifactId() + ":";
        List<File> jars = new ArrayList<>();
        for (Artifact a : project.getArtifacts()) {
            boolean fromCore = a == core || (a.getDependencyTrail() != null
                    && a.getDependencyTrail().stream().anyMatch(t -> t.startsWith(trail)));
            if (a.getFile() != null && (fromCore || isRetortsOwn(a)) && !a.getGroupId().equals("dev.retort")) {
                jars.add(a.getFile());
            }
        }
        return jars;
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

    /**
     * The command line, run in this JVM with the project's folder as its working directory: with Retort's own
     * Hibernate, or in a class loader of its own with the project's ({@link HibernateRealm}).
     */
    Outcome invoke(List<String> args) throws MojoExecutionException {
        getLog().debug("retort " + String.join(" ", redacted(args)));
        String dir = project.getBasedir().getAbsolutePath();
        String[] argv = args.toArray(String[]::new);
        HibernateRealm realm = readsEntities() ? realm() : null;
        Object[] result = realm == null ? Embedded.run(System.getenv(), dir, argv, overlay())
                : realm.run(System.getenv(), dir, argv, overlay());
        return new Outcome((Integer) result[0], (String) result[1], (String) result[2]);
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
