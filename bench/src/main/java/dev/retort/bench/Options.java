package dev.retort.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's options.
 *
 * @param sizes          entity counts, run in this order
 * @param runs           timed runs of every measured figure (at least 1; min and median are reported)
 * @param out            the Markdown report to write
 * @param keep           keep the databases afterwards
 * @param root           the repository root (holds generator/target/retort.jar)
 * @param work           where models, migrations and scratch files go
 * @param server         the PostgreSQL server
 * @param prefix         database name prefix: databases are PREFIX_N and PREFIX_N_empty
 * @param alembicBudget  seconds of Alembic runs per size: no further run starts once they took longer (so fewer
 *                       runs than {@code runs} at large N, where one takes a minute), but there is always one
 * @param alembic        compare with Alembic where /usr/bin/python3 has it
 * @param command        the command line to print as "how to reproduce"
 */
record Options(List<Integer> sizes, int runs, Path out, boolean keep, Path root, Path work, Server server,
               String prefix, double alembicBudget, boolean alembic, String command, boolean maven) {

    Options(List<Integer> sizes, int runs, Path out, boolean keep, Path root, Path work, Server server,
            String prefix, double alembicBudget, boolean alembic, String command) {
        this(sizes, runs, out, keep, root, work, server, prefix, alembicBudget, alembic, command, true);
    }

    static final String USAGE = """
            Usage: scripts/bench [--sizes 100,1000,2000,5000] [--runs 5] [--out docs/performance.md] [--keep]
                                 [--no-alembic] [--no-maven] [--alembic-budget SECONDS] [--host 127.0.0.1] [--port 5432]
                                 [--user postgres] [--prefix bench]
            Measures retort check and generate against synthetic models of each size on one PostgreSQL server and
            writes the Markdown report. --keep keeps the databases PREFIX_N and PREFIX_N_empty.""";

    static Options parse(String[] args) {
        List<Integer> sizes = List.of(100, 1000, 2000, 5000);
        int runs = 5;
        Path root = Path.of("").toAbsolutePath();
        Path out = null;
        Path work = null;
        boolean keep = false;
        boolean alembic = true;
        boolean maven = true;
        double budget = 40;
        String host = "127.0.0.1";
        int port = 5432;
        String user = "postgres";
        String prefix = "bench";
        String command = System.getenv().getOrDefault("BENCH_COMMAND", "scripts/bench " + String.join(" ", args));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (value == null && List.of("--sizes", "--runs", "--out", "--root", "--work", "--host", "--port",
                    "--user", "--prefix", "--alembic-budget").contains(name)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
                }
                value = args[++i];
            }
            switch (name) {
                case "--sizes" -> {
                    List<Integer> parsed = new ArrayList<>();
                    for (String s : value.split(",")) {
                        parsed.add(Integer.parseInt(s.strip().replace("_", "")));
                    }
                    sizes = List.copyOf(parsed);
                }
                case "--runs" -> runs = Math.max(1, Integer.parseInt(value));
                case "--out" -> out = Path.of(value);
                case "--root" -> root = Path.of(value).toAbsolutePath();
                case "--work" -> work = Path.of(value).toAbsolutePath();
                case "--keep" -> keep = true;
                case "--no-alembic" -> alembic = false;
                case "--no-maven" -> maven = false;
                case "--alembic-budget" -> budget = Double.parseDouble(value);
                case "--host" -> host = value;
                case "--port" -> port = Integer.parseInt(value);
                case "--user" -> user = value;
                case "--prefix" -> prefix = value;
                case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
        }
        for (int n : sizes) {
            if (n < 1) {
                throw new IllegalArgumentException("Sizes must be positive: " + n);
            }
        }
        out = out == null ? root.resolve("docs/performance.md") : out.toAbsolutePath();
        work = work == null ? root.resolve("bench/target") : work;
        return new Options(sizes, runs, out, keep, root, work, new Server(host, port, user), prefix, budget, alembic,
                command, maven);
    }
}
