package dev.retort.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Maven builds of sample projects (src/it), with the plugin as installed into target/it-repo and nothing of
 * Retort's build on their class path, against a fresh PostgreSQL database each.
 */
@ExtendWith(FreshDatabase.class)
@DisplayName("The Maven plugin")
class PluginTest {

    private static final Path SAMPLES = Path.of("src/it").toAbsolutePath();
    private static final Path IT_REPO = Path.of(System.getProperty("retort.it.repo"));
    private static final Path USER_REPO = Path.of(System.getProperty("retort.user.repo"));

    record Build(int exit, String out) {
        @Override
        public String toString() {
            return "exit " + exit + "\n" + out;
        }
    }

    @Test
    @DisplayName("generates, upgrades, checks in verify (failing on drift, with the Markdown report) and downgrades")
    void everydayGoals(TestDatabase db, @TempDir Path dir) throws Exception {
        Path project = sample("single", dir, db);
        Path migrations = project.resolve("src/main/java/com/example/notes/migrations");

        Build generate = mvn(project, "compile", "retort:generate", "-Dretort.message=baseline");
        assertEquals(0, generate.exit(), generate::toString);
        List<Path> written = javaFiles(migrations);
        assertEquals(1, written.size(), generate::toString);
        String baseline = Files.readString(written.get(0));
        assertTrue(baseline.contains("op.createTable(\"notes\"") && baseline.contains("op.dropTable(\"notes\");"), baseline);

        // upgrade alone, with no phase: the migrations compile from their sources. lint needs no database.
        Build upgrade = mvn(project, "retort:upgrade", "retort:lint");
        assertEquals(0, upgrade.exit(), upgrade::toString);
        assertTrue(upgrade.out().contains("No lint findings: 0 errors, 0 warnings in 1 revision."), upgrade::toString);
        assertTrue(db.snapshot().toString().contains("notes"), "the table exists after retort:upgrade");

        Path entity = project.resolve("src/main/java/com/example/notes/model/Note.java");
        Files.writeString(entity, Files.readString(entity).replace("private String body;",
                "private String body;\n\n    private Integer priority;"));
        Build drift = mvn(project, "verify", "-Dretort.report=target/retort-check.md");
        assertNotEquals(0, drift.exit(), drift::toString);
        assertTrue(drift.out().contains("BUILD FAILURE") && drift.out().contains("priority"), drift::toString);
        String report = Files.readString(project.resolve("target/retort-check.md"));
        assertTrue(report.contains("priority"), report);

        // A rename said on the command line: the migration keeps the column's data.
        Files.writeString(entity, Files.readString(entity).replace("private String body;",
                "@jakarta.persistence.Column(name = \"content\")\n    private String body;"));
        Build renamed = mvn(project, "compile", "retort:generate", "-Dretort.message=rename body",
                "-Dretort.rename=notes.body=content");
        assertEquals(0, renamed.exit(), renamed::toString);
        Path renaming = javaFiles(migrations).stream().filter(f -> f.getFileName().toString().contains("rename_body"))
                .findFirst().orElseThrow();
        String renameSource = Files.readString(renaming);
        assertTrue(renameSource.contains("op.renameColumn(\"notes\", \"body\", \"content\");")
                && !renameSource.contains("op.dropColumn(\"notes\", Column.of(\"body\""), renameSource);
        Files.delete(renaming);

        Build down = mvn(project, "retort:downgrade", "retort:current", "-Dretort.target=-1");
        assertEquals(0, down.exit(), down::toString);
        assertFalse(db.snapshot().toString().contains("notes"), "the table is gone after retort:downgrade -1");
        assertTrue(down.out().contains("retort-maven-plugin:" + System.getProperty("it.retort.version") + ":current"),
                down::toString);
    }

    @Test
    @DisplayName("fails the build with the command line's one-paragraph message on an unreachable database")
    void unreachableDatabase(TestDatabase db, @TempDir Path dir) throws Exception {
        Path project = sample("single", dir, db);
        Build build = mvn(project, "compile", "retort:generate", "-Dretort.message=baseline",
                "-Dretort.url=jdbc:postgresql://127.0.0.1:1/none?password=hunter2");
        assertNotEquals(0, build.exit(), build::toString);
        assertTrue(build.out().contains("BUILD FAILURE")
                && build.out().contains("Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/none?password=***"),
                build::toString);
        assertFalse(build.out().contains("hunter2"), "the password is masked: " + build);
        assertTrue(javaFiles(project.resolve("src/main/java/com/example/notes/migrations")).isEmpty(), "nothing written");

        // An environment of the POM's <environments>, chosen with -Dretort.env; its password is never shown.
        Build env = mvn(project, "retort:upgrade", "-Dretort.env=elsewhere");
        assertNotEquals(0, env.exit(), env::toString);
        assertTrue(env.out().contains("Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/elsewhere "
                + "(environment 'elsewhere' of the build's configuration)"),
                env::toString);
        assertFalse(env.out().contains("hunter3"), "the password is never shown: " + env);
    }

    @Test
    @DisplayName("fails the build naming the folder and what to configure when the project has no @Entity classes")
    void noEntities(TestDatabase db, @TempDir Path dir) throws Exception {
        Path project = sample("single", dir, db);
        Path model = project.resolve("src/main/java/com/example/notes/model");
        try (Stream<Path> files = Files.list(model)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Build build = mvn(project, "compile", "retort:check");
        assertNotEquals(0, build.exit(), build::toString);
        assertTrue(build.out().contains("No @Entity classes in " + project.resolve("target/classes"))
                && build.out().contains("<packages><package>"), build::toString);
    }

    @Test
    @DisplayName("two modules, entities in one and migrations in the other: generate, upgrade and verify from the root")
    void twoModules(TestDatabase db, @TempDir Path dir) throws Exception {
        Path project = sample("multi", dir, db);
        Path migrations = project.resolve("migrations/src/main/java/com/example/shop/migrations");
        db.execute("CREATE TABLE legacy_orders (id int)");

        // One build: Maven runs the goals in order, and upgrade compiles the migration generate has just written.
        // (With several modules, Maven 3 resolves a module's reactor siblings only in a build that runs a phase.)
        Build first = mvn(project, "compile", "retort:generate", "retort:upgrade", "retort:check",
                "-Dretort.message=baseline");
        assertEquals(0, first.exit(), first::toString);
        assertTrue(first.out().contains("retort: skipped in model (it does not list retort-maven-plugin"),
                first::toString);
        List<Path> written = javaFiles(migrations);
        assertEquals(1, written.size(), first::toString);
        String baseline = Files.readString(written.get(0));
        assertTrue(baseline.contains("op.createTable(\"products\"") && !baseline.contains("legacy_orders"),
                "the entities of the model module, and the excluded table left alone: " + baseline);
        String catalog = db.snapshot().toString();
        assertTrue(catalog.contains("table products") && catalog.contains("table shop_schema_version"),
                "the table, and the version table the POM names: " + catalog);
        assertTrue(first.out().contains("No changes detected."), first::toString);

        Path entity = project.resolve("model/src/main/java/com/example/shop/model/Product.java");
        Files.writeString(entity, Files.readString(entity).replace("private String name;",
                "private String name;\n\n    private String sku;"));
        Build drift = mvn(project, "verify");
        assertNotEquals(0, drift.exit(), drift::toString);
        assertTrue(drift.out().contains("BUILD FAILURE") && drift.out().contains("sku"), drift::toString);
    }

    @Test
    @DisplayName("a Spring Boot 4 application: Spring's naming, application.yml's datasource and settings, a library's converter")
    void springBootApplication(TestDatabase db, @TempDir Path dir) throws Exception {
        Path project = sample("boot", dir, db);
        Path migrations = project.resolve("app/src/main/java/com/example/clinic/migrations");

        // The application's class path too, for starting it below (the app module's, written last).
        Build first = mvn(project, "compile", "retort:generate", "retort:upgrade", "retort:check",
                "dependency:build-classpath", "-Dmdep.outputFile=" + project.resolve("cp.txt"),
                "-Dretort.message=baseline", "-Dretort.verbose");
        assertEquals(0, first.exit(), first::toString);
        assertTrue(first.out().contains("setting: naming.physical = spring (Spring Boot's default, as "
                + "spring-boot-hibernate-" + System.getProperty("it.spring.boot.version") + ".jar is on the class path)"),
                first::toString);
        assertTrue(first.out().contains("setting: hibernate.type.preferred_instant_jdbc_type = TIMESTAMP "
                + "(spring.jpa.properties.hibernate.type.preferred_instant_jdbc_type in "), first::toString);
        assertTrue(first.out().contains("(spring.datasource.url in "), first::toString);
        assertTrue(first.out().contains("retort: reading the entities with the project's own Hibernate ORM 7.2."),
                "Boot's own Hibernate reads: " + first);
        List<Path> written = javaFiles(migrations);
        assertEquals(1, written.size(), first::toString);
        String baseline = Files.readString(written.get(0));
        assertTrue(baseline.contains("op.createTable(\"patient_visit\"") && baseline.contains("\"patient_name\"")
                && baseline.contains("\"amount_due\""), "Spring's naming: " + baseline);
        String catalog = db.snapshot().toString();
        assertTrue(catalog.contains("column patient_visit.visited_at timestamp(6) without time zone"),
                "Instant as TIMESTAMP, as application.yml's setting says: " + catalog);
        assertTrue(catalog.contains("column patient_visit.amount_due bigint"), "the converter's column type: " + catalog);
        assertTrue(first.out().contains("No changes detected."), first::toString);
        assertFalse(catalog.toLowerCase(java.util.Locale.ROOT).contains("unique (patient_visit_id, allergies)"),
                "7.2 writes no unique key there: " + catalog);

        // The application itself, started once with Boot's own Hibernate creating its schema in another database:
        // Retort, reading with that same Hibernate, finds nothing to change there; with its own 7.4 it would.
        try (TestDatabase booted = TestDatabase.create()) {
            String cp = project.resolve("app/target/classes") + java.io.File.pathSeparator
                    + Files.readString(project.resolve("cp.txt")).strip();
            Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dclinic.exit=true", "-cp", cp, "com.example.clinic.ClinicApplication",
                    "--spring.datasource.url=" + booted.url(), "--spring.jpa.hibernate.ddl-auto=create")
                    .redirectErrorStream(true).start();
            String appOut = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(app.waitFor(120, TimeUnit.SECONDS) && app.exitValue() == 0, appOut);
            assertTrue(booted.snapshot().toString().contains("table patient_visit_allergies"), appOut);

            // An existing database: stamped at head (nothing runs), then checked.
            Build own = mvn(project, "compile", "retort:stamp", "retort:check", "-Dretort.target=head",
                    "-Dretort.url=" + booted.url());
            assertEquals(0, own.exit(), own::toString);
            assertTrue(own.out().contains("No changes detected."), own::toString);
            Build retorts = mvn(project, "compile", "retort:check", "-Dretort.url=" + booted.url(),
                    "-Dretort.hibernate=retort");
            assertNotEquals(0, retorts.exit(), retorts::toString);
            assertTrue(retorts.out().contains("unique constraint") && retorts.out().contains("patient_visit_allergies"),
                    retorts::toString);
        }

        Path entity = project.resolve("app/src/main/java/com/example/clinic/model/PatientVisit.java");
        Files.writeString(entity, Files.readString(entity).replace("private String patientName;",
                "private String patientName;\n\n    private String referringDoctor;"));
        Build drift = mvn(project, "verify", "-Dretort.report=target/retort-check.md");
        assertNotEquals(0, drift.exit(), drift::toString);
        assertTrue(drift.out().contains("BUILD FAILURE") && drift.out().contains("referring_doctor"), drift::toString);
        String report = Files.readString(project.resolve("app/target/retort-check.md"));
        assertTrue(report.contains("referring_doctor"), report);
    }

    /** A copy of sample {@code name} with the versions of this build and {@code db}'s URL filled in. */
    private static Path sample(String name, Path dir, TestDatabase db) throws IOException {
        Path from = SAMPLES.resolve(name);
        Path to = dir.resolve(name);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    String text = Files.readString(p);
                    for (String key : List.of("retort.version", "clean.plugin.version", "resources.plugin.version",
                            "compiler.plugin.version", "surefire.plugin.version", "jar.plugin.version",
                            "install.plugin.version", "spring.boot.version", "dependency.plugin.version")) {
                        text = text.replace("@" + key + "@", System.getProperty("it." + key));
                    }
                    text = text.replace("@database.url@", db.url().replace("&", "&amp;"));
                    Files.writeString(target, text);
                }
            }
        }
        Path settings = dir.resolve("settings.xml");
        String repo = "<id>user-local</id><url>" + USER_REPO.toUri() + "</url>"
                + "<releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots>";
        Files.writeString(settings, "<settings><profiles><profile><id>user-local</id>"
                + "<repositories><repository>" + repo + "</repository></repositories>"
                + "<pluginRepositories><pluginRepository>" + repo + "</pluginRepository></pluginRepositories>"
                + "</profile></profiles><activeProfiles><activeProfile>user-local</activeProfile></activeProfiles>"
                + "</settings>");
        return to;
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static Build mvn(Path project, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-ntp", "-Dstyle.color=never",
                "-Dmaven.repo.local=" + IT_REPO, "-s", project.getParent().resolve("settings.xml").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("RETORT_URL");
        env.remove("DATABASE_URL");
        // A short build spends much of its time compiling Maven itself: C1 only, and no concurrent collector.
        env.put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        Path log = Files.createTempFile(project.getParent(), "mvn", ".log");
        Process p = pb.redirectOutput(log.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", args) + " did not finish in 300 s");
        }
        return new Build(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
