package dev.retort.spring;

import dev.retort.RetortException;
import dev.retort.migration.internal.LoadedRevision;
import dev.retort.migration.internal.RevisionGraph;
import dev.retort.platform.Platform;
import dev.retort.runtime.DatabaseStateException;
import dev.retort.runtime.HistoryEntry;
import dev.retort.runtime.RunListener;
import dev.retort.runtime.Runner;
import dev.retort.runtime.RuntimeSettings;
import dev.retort.runtime.Step;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What the starter does with the application's database: loads the compiled migrations of
 * {@code retort.migrations-package}, then upgrades to {@code retort.target} under Retort's migration lock (so several
 * instances starting at once apply each revision once), or with {@code retort.validate-only} only checks that
 * nothing is pending. Every refusal is a {@link RetortStartupException} carrying the runner's one-paragraph message.
 */
public class RetortMigrator {

    private static final Log LOG = LogFactory.getLog(RetortMigrator.class);

    private final DataSource dataSource;
    private final RetortProperties properties;
    private final ClassLoader classLoader;
    private RevisionGraph graph;

    public RetortMigrator(DataSource dataSource, RetortProperties properties, ClassLoader classLoader) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.classLoader = classLoader;
    }

    /** The migrations, loaded once. */
    public synchronized RevisionGraph graph() {
        if (graph == null) {
            List<String> packages = properties.getMigrationsPackage().stream().map(String::strip)
                    .filter(p -> !p.isEmpty()).toList();
            if (packages.isEmpty()) {
                throw new RetortStartupException("retort.migrations-package is not set: name the package of the "
                        + "application's compiled migrations (retort.migrations-package=com.acme.migrations), or "
                        + "turn the start-up migration off with retort.enabled=false.");
            }
            graph = RevisionGraph.fromPackages(classLoader, packages);
            if (graph.isEmpty()) {
                throw new RetortStartupException("No migrations in retort.migrations-package " + packages + " on the "
                        + "application's class path. Check the package name, and that the migrations are compiled "
                        + "into the application.");
            }
        }
        return graph;
    }

    /** Brings the database to the target, or with validate-only refuses unless it is there already. */
    public List<Step> migrate() {
        Runner runner = runner();
        try (Connection connection = connect()) {
            List<String> current;
            try {
                current = runner.current(connection);
            } catch (DatabaseStateException e) {
                if (properties.isFailOnUnknownRevision()) {
                    throw new RetortStartupException(e.getMessage() + " Start-up is refused, as the database is ahead "
                            + "of this application's migrations (retort.fail-on-unknown-revision=false starts anyway, "
                            + "migrating nothing).", e);
                }
                LOG.warn("Retort: " + e.getMessage() + " Starting anyway (retort.fail-on-unknown-revision=false); "
                        + "nothing is migrated.");
                return List.of();
            }
            List<Step> plan = runner.planUpgrade(current, properties.getTarget());
            if (properties.isValidateOnly()) {
                if (!plan.isEmpty()) {
                    throw new RetortStartupException("The database is at " + describe(current) + ", but "
                            + plan.size() + " revision(s) of this application's migrations are pending ("
                            + plan.stream().map(s -> s.revision().id()).collect(Collectors.joining(", "))
                            + ") and retort.validate-only is set, so nothing is applied. Run 'retort upgrade' (or "
                            + "the deployment's migration step) first, or unset retort.validate-only.");
                }
                LOG.info("Retort: the database is at " + describe(current) + ", as the migrations expect.");
                return List.of();
            }
            List<Step> steps = runner.upgrade(connection, properties.getTarget());
            LOG.info(steps.isEmpty() ? "Retort: the database is at " + describe(current) + "; nothing to migrate."
                    : "Retort: applied " + steps.size() + " revision(s); the database is at "
                        + describe(runner.current(connection)) + ".");
            return steps;
        } catch (RetortStartupException e) {
            throw e;
        } catch (RetortException e) {
            throw new RetortStartupException(e.getMessage(), e);
        } catch (SQLException e) {
            throw new RetortStartupException("Retort cannot migrate the database: " + e.getMessage() + " (SQL state "
                    + e.getSQLState() + "). Check retort.url / the application's datasource.", e);
        }
    }

    /** The revisions the database records, checked against the migrations. */
    public List<String> current() {
        try (Connection connection = connect()) {
            return runner().current(connection);
        } catch (SQLException e) {
            throw new RetortStartupException("Retort cannot read the database's revision: " + e.getMessage(), e);
        }
    }

    /** Where the database stands against the migrations: for the Actuator endpoint and the health indicator. */
    public Status status() {
        Runner runner = runner();
        try (Connection connection = connect()) {
            List<String> current = runner.current(connection);
            List<String> pending = runner.planUpgrade(current, "heads").stream().map(s -> s.revision().id()).toList();
            Map<String, HistoryEntry> arrivals = HistoryEntry.arrivals(runner.history(connection));
            List<Status.RevisionState> revisions = new java.util.ArrayList<>();
            for (LoadedRevision r : graph().all()) {
                boolean applied = !pending.contains(r.id());
                HistoryEntry arrival = applied ? arrivals.get(r.id()) : null;
                revisions.add(new Status.RevisionState(r.id(), r.parents(), r.message(), applied,
                        arrival == null ? null : arrival.appliedAt(), arrival == null ? null : arrival.appliedBy(),
                        arrival == null ? null : arrival.operation()));
            }
            return new Status(current, graph().heads().stream().map(LoadedRevision::id).toList(), pending, revisions);
        } catch (SQLException e) {
            throw new RetortStartupException("Retort cannot read the database's revision: " + e.getMessage(), e);
        }
    }

    /**
     * The database's revisions against the migrations'.
     *
     * @param current   the revisions the version table records (empty at base)
     * @param heads     the migrations' heads
     * @param pending   the revisions an upgrade to the heads would apply, in order
     * @param revisions every revision, oldest first, whether the database has it and since when
     */
    public record Status(List<String> current, List<String> heads, List<String> pending,
                         List<RevisionState> revisions) {

        public boolean atHead() {
            return pending.isEmpty();
        }

        /**
         * One revision: its id, parents, message, whether the database has it applied, and from the history when
         * and by whom it was ({@code upgrade}, or {@code stamp} when recorded without running). The three are
         * {@code null} for a revision not applied, or applied before the database kept a history.
         */
        public record RevisionState(String id, List<String> parents, String message, boolean applied,
                                    OffsetDateTime appliedAt, String appliedBy, String appliedAs) {
        }
    }

    private Runner runner() {
        return new Runner(graph(), Platform.postgres(), new RuntimeSettings(properties.getVersionTable(),
                properties.getLockTimeout(), properties.getLockRetries(), properties.getLockRetryDelay()),
                new RunListener() {
                    @Override
                    public void running(boolean upgrade, LoadedRevision loaded, List<String> from, List<String> to) {
                        LOG.info("Retort: " + (upgrade ? "upgrading " : "downgrading ") + describe(from) + " -> "
                                + describe(to) + ", " + loaded.id() + " " + loaded.message());
                    }

                    @Override
                    public void retrying(LoadedRevision loaded, int attempt, int attempts, java.time.Duration delay,
                                         List<String> holders) {
                        LOG.warn("Retort: " + loaded.id() + " gave up waiting for a lock (attempt " + attempt + " of "
                                + attempts + ")" + (holders.isEmpty() ? "" : "; held by " + String.join("; ", holders))
                                + "; running it again in " + delay.toMillis() + " ms.");
                    }

                    @Override
                    public void waitingForLock(String versionTable) {
                        LOG.info("Retort: another instance holds the migration lock of " + versionTable
                                + "; waiting for it.");
                    }
                });
    }

    /**
     * The migration connection: retort.url's; or, with only retort.user, the application's database as that user
     * (its DataSource's URL: a pool such as Hikari hands out connections for its own login only); else the
     * application's DataSource.
     */
    private Connection connect() throws SQLException {
        Connection c;
        boolean ownUrl = properties.getUrl() != null && !properties.getUrl().isBlank();
        boolean ownUser = properties.getUser() != null && !properties.getUser().isBlank();
        if (ownUrl || ownUser) {
            String url = properties.getUrl();
            if (!ownUrl) {
                try (Connection app = dataSource.getConnection()) {
                    url = withoutLogin(app.getMetaData().getURL());
                }
            }
            Properties p = new Properties();
            if (ownUser) {
                p.setProperty("user", properties.getUser());
            }
            if (properties.getPassword() != null) {
                p.setProperty("password", properties.getPassword());
            }
            p.setProperty("ApplicationName", "retort");
            c = new org.postgresql.Driver().connect(url, p);
            if (c == null) {
                throw new SQLException("retort.url is not a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/db)",
                        "08001");
            }
        } else {
            c = dataSource.getConnection();
        }
        try (Statement st = c.createStatement()) {
            if (properties.getLockTimeout() != null) {
                st.execute("SET lock_timeout = " + properties.getLockTimeout().toMillis());
            }
            if (properties.getSchema() != null && !properties.getSchema().isBlank()) {
                st.execute(Platform.postgres().useSchema(properties.getSchema()));
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** The URL without its user= and password= parameters, which the driver would let beat retort.user. */
    static String withoutLogin(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return url;
        }
        List<String> kept = new java.util.ArrayList<>();
        for (String pair : url.substring(q + 1).split("&")) {
            String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (!key.equalsIgnoreCase("user") && !key.equalsIgnoreCase("password") && !pair.isEmpty()) {
                kept.add(pair);
            }
        }
        return url.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    private static String describe(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
