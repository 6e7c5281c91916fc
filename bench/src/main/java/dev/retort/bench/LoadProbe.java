package dev.retort.bench;

import dev.retort.diff.Diff;
import dev.retort.migration.Migration;
import dev.retort.migration.Operations;
import dev.retort.migration.internal.LoadedRevision;
import dev.retort.migration.internal.RevisionGraph;
import dev.retort.op.AddConstraint;
import dev.retort.op.AlterColumn;
import dev.retort.op.Change;
import dev.retort.op.CreateIndex;
import dev.retort.op.Operation;
import dev.retort.platform.Platform;
import dev.retort.render.OnlineForm;
import dev.retort.runtime.RunListener;
import dev.retort.runtime.Runner;
import dev.retort.runtime.RuntimeSettings;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.UniqueConstraint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The "under load" proof of {@code generate --online}: a table of a million rows, a writer committing small
 * transactions without pause, and the same four changes applied once as {@code generate} writes them and once as
 * {@code generate --online} does (the forms come from {@link OnlineForm} itself, run by the real {@link Runner}).
 * For each it records how long the migration took, the writer's longest transaction and the time the writer spent in
 * transactions slower than {@value #STALL_MS} ms, and writes the table between the markers of docs/large-tables.md.
 * Loopback only: {@code --url} must point at 127.0.0.1 or localhost. Not a test: {@code scripts/load-probe}.
 */
public final class LoadProbe {

    static final int STALL_MS = 50;
    static final String BEGIN = "<!-- load-probe:begin -->";
    static final String END = "<!-- load-probe:end -->";

    /** The operations the next {@link Replay} runs. */
    static volatile List<Operation> replay = List.of();

    /** A migration that runs {@link #replay}; its downgrade is never used here. */
    public static final class Replay implements Migration {
        @Override
        public void upgrade(Operations op) {
            replay.forEach(op::run);
        }

        @Override
        public void downgrade(Operations op) {
        }
    }

    record Change(String name, Operation operation, String reset) {
    }

    record Row(String change, String form, long migrationMs, long longestMs, long blockedMs, int transactions) {
    }

    private LoadProbe() {
    }

    public static void main(String[] args) throws Exception {
        String server = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        int rows = 1_000_000;
        Duration timeout = Duration.ofSeconds(2);
        Path doc = Path.of("docs/large-tables.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> server = args[++i];
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--lock-timeout" -> timeout = Duration.ofMillis(Long.parseLong(args[++i]));
                case "--doc" -> doc = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--url JDBC --rows N --lock-timeout MS --doc FILE)");
            }
        }
        if (!server.matches("jdbc:postgresql://(127\\.0\\.0\\.1|localhost|\\[::1\\])(:\\d+)?/.*")) {
            throw new IllegalArgumentException("--url must point at the loopback address: " + server);
        }
        String name = "retort_load_" + Long.toHexString(System.nanoTime());
        try (Connection admin = DriverManager.getConnection(server); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        String url = server.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
        List<Row> results = new ArrayList<>();
        try {
            seed(url, rows);
            List<Change> changes = List.of(
                    new Change("add index", new CreateIndex("orders", Index.of("ix_orders_customer", "customer_id"),
                            false), "DROP INDEX IF EXISTS ix_orders_customer"),
                    new Change("add foreign key", new AddConstraint("orders", ForeignKey.of("fk_orders_customer",
                            "customer_id", "customers", "id")), "ALTER TABLE orders DROP CONSTRAINT IF EXISTS "
                            + "fk_orders_customer"),
                    new Change("set NOT NULL", new AlterColumn("orders", "note", null, dev.retort.op.Change.of(true, false),
                            null, null, null, null, false), "ALTER TABLE orders ALTER COLUMN note DROP NOT NULL; "
                            + "ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_note_not_null"),
                    new Change("add unique", new AddConstraint("orders", UniqueConstraint.of("uq_orders_ref", "ref")),
                            "ALTER TABLE orders DROP CONSTRAINT IF EXISTS uq_orders_ref; DROP INDEX IF EXISTS uq_orders_ref"));
            int run = 0;
            for (Change change : changes) {
                for (boolean online : new boolean[] {false, true}) {
                    execute(url, change.reset(), "VACUUM ANALYZE orders");
                    List<OnlineForm.Part> parts = online
                            ? OnlineForm.of(new Diff(List.of(change.operation()), List.of(), 0), Platform.postgres().dialect()).parts()
                            : List.of(new OnlineForm.Part(new Diff(List.of(change.operation()), List.of(), 0), true));
                    results.add(measure(url, change.name(), online ? "online" : "plain", parts,
                            online ? timeout : null, run++));
                    System.err.println("load-probe: " + results.get(results.size() - 1));
                }
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(server); Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
        String table = table(results, rows, timeout);
        System.out.println(table);
        publish(doc, table);
        for (Row r : results) {
            if (r.form().equals("online") && r.longestMs() >= timeout.toMillis()) {
                System.err.println("load-probe: FAIL: " + r.change() + " online stalled the writer " + r.longestMs()
                        + " ms, not below the lock timeout of " + timeout.toMillis() + " ms");
                System.exit(1);
            }
        }
    }

    private static void seed(String url, int rows) throws SQLException {
        execute(url, "CREATE TABLE customers (id bigint PRIMARY KEY)",
                "INSERT INTO customers SELECT generate_series(1, 10000)",
                "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, ref bigint, amount integer, note text)",
                "INSERT INTO orders SELECT i, 1 + i % 10000, i, i % 100, 'n' FROM generate_series(1, " + rows + ") i",
                "CREATE SEQUENCE orders_id_seq START " + (rows + 1),
                "VACUUM ANALYZE orders");
    }

    /** Runs {@code parts} as revisions while a writer commits small transactions; returns what the writer saw. */
    private static Row measure(String url, String change, String form, List<OnlineForm.Part> parts, Duration timeout,
                               int run) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Long> latencies = new ArrayList<>();
        Thread writer = new Thread(() -> write(url, stop, latencies), "writer");
        writer.start();
        Thread.sleep(500); // the writer at its pace before the migration starts
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url)) {
            for (int i = 0; i < parts.size(); i++) {
                OnlineForm.Part part = parts.get(i);
                LoadedRevision revision = new LoadedRevision("p" + i, List.of(), change, List.of(), "",
                        Replay.class.getName(), Replay.class, part.transactional());
                replay = part.diff().operations();
                new Runner(RevisionGraph.of(List.of(revision)), Platform.postgres(),
                        new RuntimeSettings("load_version_" + run + "_" + i, timeout, timeout == null ? 0 : 5,
                                Duration.ofMillis(200)), RunListener.SILENT).upgrade(c, "head");
            }
        }
        long migrationMs = (System.nanoTime() - started) / 1_000_000;
        Thread.sleep(300);
        stop.set(true);
        writer.join();
        long longest = 0;
        long blocked = 0;
        synchronized (latencies) {
            for (long ms : latencies) {
                longest = Math.max(longest, ms);
                if (ms > STALL_MS) {
                    blocked += ms;
                }
            }
            return new Row(change, form, migrationMs, longest, blocked, latencies.size());
        }
    }

    /** One small transaction after another: insert an order, update another. */
    private static void write(String url, AtomicBoolean stop, List<Long> latencies) {
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO orders (id, customer_id, ref, amount, "
                    + "note) SELECT nextval('orders_id_seq'), ?, currval('orders_id_seq'), 1, 'w'");
                 PreparedStatement update = c.prepareStatement("UPDATE orders SET amount = amount + 1 WHERE id = ?")) {
                while (!stop.get()) {
                    long t = System.nanoTime();
                    insert.setLong(1, 1 + ThreadLocalRandom.current().nextInt(10000));
                    insert.executeUpdate();
                    update.setLong(1, 1 + ThreadLocalRandom.current().nextInt(100000));
                    update.executeUpdate();
                    c.commit();
                    long ms = (System.nanoTime() - t) / 1_000_000;
                    synchronized (latencies) {
                        latencies.add(ms);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the writer failed: " + e.getMessage(), e);
        }
    }

    private static void execute(String url, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String s : sql) {
                for (String one : s.split("; ")) {
                    st.execute(one);
                }
            }
        }
    }

    static String table(List<Row> rows, int tableRows, Duration timeout) {
        StringBuilder out = new StringBuilder();
        out.append("Measured by `scripts/load-probe` on ").append(LocalDate.now()).append(" (")
                .append(String.format(Locale.ROOT, "%,d", tableRows)).append(" rows in `orders`; PostgreSQL on this ")
                .append("machine, ").append(Runtime.getRuntime().availableProcessors()).append(" cores; the online ")
                .append("form under a lock_timeout of ").append(timeout.toMillis()).append(" ms, retried):\n\n");
        out.append("| Change | Form | Migration took | Writer's longest transaction | Writer's time in transactions "
                + "over ").append(STALL_MS).append(" ms | Writer's transactions |\n|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append("| ").append(r.change()).append(" | ").append(r.form()).append(" | ").append(r.migrationMs())
                    .append(" ms | ").append(r.longestMs()).append(" ms | ").append(r.blockedMs()).append(" ms | ")
                    .append(r.transactions()).append(" |\n");
        }
        return out.toString();
    }

    private static void publish(Path doc, String table) throws Exception {
        if (!Files.exists(doc)) {
            return;
        }
        String text = Files.readString(doc);
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        if (b < 0 || e < b) {
            System.err.println("load-probe: no " + BEGIN + " ... " + END + " in " + doc + "; the table is printed only");
            return;
        }
        Files.writeString(doc, text.substring(0, b + BEGIN.length()) + "\n" + table + text.substring(e));
    }
}
