package dev.retort.cli;

import dev.retort.RetortException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort init}: writes a commented {@code retort.yaml} and creates the migrations folder. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create retort.yaml and the migrations folder in DIRECTORY (default: the working directory).",
            "The package is --migrations-package (default db.migrations), the folder --migrations "
                + "(default src/main/java/<package path>)."})
final class InitCommand extends BaseCommand {

    /** The migrations' package unless {@code --migrations-package} names one. */
    static final String DEFAULT_PACKAGE = "db.migrations";

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIRECTORY", description = "Project folder.")
    Path directory;

    @Option(names = "--database", paramLabel = "NAME", defaultValue = "app",
            description = "Database name used in the example environments (default: ${DEFAULT-VALUE}).")
    String database;

    @Override
    public Integer call() {
        Path project = directory == null ? root.context().workingDirectory()
                : root.context().workingDirectory().resolve(directory).normalize();
        Path config = root.config != null ? project.resolve(root.config) : project.resolve("retort.yaml");
        if (Files.exists(config)) {
            throw new RetortException(config + " already exists; init leaves it alone. Edit it, or delete it first.");
        }
        String pkg = root.migrationsPackage != null ? root.migrationsPackage : DEFAULT_PACKAGE;
        Path migrations = root.migrations != null ? root.migrations
                : Path.of("src", "main", "java").resolve(pkg.replace('.', '/'));
        Path folder = project.resolve(migrations).normalize();
        NewFiles.create(List.of(folder), Map.of(config, template(migrations.toString().replace('\\', '/'), pkg,
                database)), "Choose a DIRECTORY where you may create files and folders, or correct --config / "
                + "--migrations.");
        PrintWriter out = out();
        out.println("Created " + config);
        out.println("Created " + folder + "/");
        out.println("Next: set entities.packages and entities.classpath in retort.yaml and build the entities "
                + "(mvn compile), check the dev environment's database, then run 'retort generate \"baseline\"' and "
                + "'retort upgrade' (or 'retort stamp head' for a database that already has the schema).");
        return RetortCommand.OK;
    }

    static String template(String migrations, String pkg, String database) {
        String upper = database.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        return """
                # Retort configuration. Values may use ${VAR} (must be set) and ${VAR:-default} (default when unset).
                # The database comes from --url, else RETORT_URL, else DATABASE_URL, else the environment chosen
                # by --env or RETORT_ENV (default: dev).

                migrations:
                  # Folder of migration sources; they are compiled in memory, no build step needed.
                  directory: %1$s
                  # Java package the migration classes declare.
                  package: %2$s

                # The @Entity classes generate and check compare with the database.
                entities:
                  packages: [com.example.model]
                  # Compiled entities and the libraries they need, relative to this file.
                  classpath: [target/classes]
                  # Hibernate naming strategies: default, spring, or class names.
                  naming:
                    physical: default
                    implicit: default
                  # Other Hibernate settings your application sets that change its DDL.
                  # settings:
                  #   hibernate.auto_quote_keyword: "true"

                # Tables, sequences and types Retort leaves alone (globs: * and ?).
                # exclude: [flyway_schema_history, legacy_*]

                # Table recording the applied revision(s).
                version_table: retort_version

                # PostgreSQL schema to work in (default: the connection's, normally public).
                # schema: public

                environments:
                  dev:
                    url: ${%4$s_DEV_URL:-jdbc:postgresql://127.0.0.1:5432/%3$s}
                    user: ${%4$s_DEV_USER:-postgres}
                    password: ${%4$s_DEV_PASSWORD:-}
                  test:
                    url: ${%4$s_TEST_URL:-jdbc:postgresql://127.0.0.1:5432/%3$s_test}
                    user: ${%4$s_TEST_USER:-postgres}
                    password: ${%4$s_TEST_PASSWORD:-}
                  prod:
                    # No defaults: production settings must come from the environment.
                    url: ${%4$s_PROD_URL}
                    user: ${%4$s_PROD_USER}
                    password: ${%4$s_PROD_PASSWORD}
                """.formatted(migrations, pkg, database, upper);
    }
}
