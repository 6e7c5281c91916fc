package dev.retort.cli;

import dev.retort.FileAccessException;
import dev.retort.RetortException;
import dev.retort.runtime.DatabaseException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/** {@code retort}: the top-level command holding the options every command shares. */
@Command(name = "retort",
        mixinStandardHelpOptions = true,
        versionProvider = RetortCommand.Version.class,
        description = "Schema migrations for Hibernate applications on PostgreSQL.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            InitCommand.class, GenerateCommand.class, CheckCommand.class, LintCommand.class, UpgradeCommand.class, DowngradeCommand.class, CurrentCommand.class,
            HistoryCommand.class, HeadsCommand.class, BranchesCommand.class, ShowCommand.class,
            StampCommand.class, RepairCommand.class, MergeCommand.class, SqlCommand.class, CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:check found differences between the entities and the migrations; lint found an error-level finding",
            "2:usage, configuration, database or revision error (message on stderr)"
        },
        footer = {"", "Database precedence: --url, then RETORT_URL, then DATABASE_URL, then the environment "
                + "chosen by --env or RETORT_ENV (default dev) in retort.yaml."})
public final class RetortCommand implements Runnable {

    public static final int OK = 0;
    public static final int DRIFT = 1;
    public static final int ERROR = 2;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Configuration file (default: retort.yaml in the working directory).")
    Path config;

    @Option(names = "--env", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Environment of retort.yaml to use (default: RETORT_ENV, else dev).")
    String env;

    @Option(names = "--url", paramLabel = "JDBC_URL", scope = ScopeType.INHERIT,
            description = "Database URL; overrides RETORT_URL, DATABASE_URL and the environment.")
    String url;

    @Option(names = "--migrations", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Folder of migration sources (overrides migrations.directory).")
    Path migrations;

    @Option(names = "--migrations-package", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Java package of the migrations (overrides migrations.package).")
    String migrationsPackage;

    @Option(names = "--classpath", paramLabel = "PATHS", split = "${sys:path.separator}", scope = ScopeType.INHERIT,
            description = "Class path entries with the compiled entities (and compiled migrations), separated by "
                    + "'${sys:path.separator}' (overrides entities.classpath).")
    List<Path> classpath;

    @Option(names = "--package", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Package of @Entity classes to compare (repeatable; overrides entities.packages).")
    List<String> packages;

    @Option(names = "--naming", paramLabel = "STRATEGY", scope = ScopeType.INHERIT,
            description = "Hibernate naming: default, spring, or a PhysicalNamingStrategy class (overrides entities.naming).")
    String naming;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show stack traces of errors, and say when a cached entity schema could not be used.")
    boolean debug;

    private final CliContext context;
    private Workspace workspace;

    RetortCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Missing command; see 'retort --help'.");
    }

    CliContext context() {
        return context;
    }

    /** The configuration, migrations and database as the options and environment select them. */
    Workspace workspace() {
        if (workspace == null) {
            workspace = new Workspace(context, new Workspace.Options(config, env, url, migrations,
                    migrationsPackage, classpath == null ? List.of() : classpath,
                    packages == null ? List.of() : packages, naming));
        }
        return workspace;
    }

    static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
        RetortCommand root = new RetortCommand(context);
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter w = commandLine.getErr();
            w.println("ERROR: " + message(e, root.workspace));
            if (root.debug) {
                e.printStackTrace(w);
            }
            w.flush();
            return ERROR;
        });
        cl.setExitCodeExceptionMapper(e -> ERROR);
        return cl;
    }

    /**
     * The paragraph after {@code ERROR: }. Retort's own exceptions carry it; an I/O or database error that escaped
     * being explained where it happened still gets its path or database and reason.
     */
    static String message(Exception e, Workspace workspace) {
        if (e instanceof DatabaseException && workspace != null) {
            return e.getMessage() + " (database " + workspace.describeTarget() + ")";
        }
        if (e instanceof RetortException) {
            return e.getMessage();
        }
        if (e instanceof SQLException sql) {
            return message(new DatabaseException(sql), workspace);
        }
        IOException io = ioCause(e);
        if (io != null) {
            String file = io instanceof FileSystemException fs ? fs.getFile() : null;
            return (file == null ? "Input/output error: " + io.getMessage()
                        : "Cannot access " + file + ": " + FileAccessException.reason(Path.of(file), io))
                    + ". Check that the path is right and that Retort may read and write there. (Retort did not "
                    + "anticipate this error here: --debug shows where it happened, and it is worth a report.)";
        }
        return "unexpected " + e + ". Run again with --debug for details.";
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    /**
     * {@code retort 0.2.0-SNAPSHOT (Hibernate ORM 7.4.15.Final, Java 17.0.15)}: Retort's version as the build wrote
     * it, and the Hibernate that reads the entities (Retort's own, whatever the application's class path holds).
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"retort " + retortVersion() + " (Hibernate ORM " + org.hibernate.Version.getVersionString()
                    + ", Java " + Runtime.version() + ")"};
        }

        static String retortVersion() {
            java.util.Properties p = new java.util.Properties();
            try (java.io.InputStream in = RetortCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                return "(version unknown: " + e.getMessage() + ")";
            }
            String v = p.getProperty("version");
            return v == null || v.startsWith("${") ? "(development build)" : v;
        }
    }
}
