package dev.retort.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retort.testkit.CatalogSnapshot;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Measures one size: builds the model and lets Hibernate create its schema, then times the floors and
 * {@code retort check} (interleaved, after one untimed warm-up round), the phases in a probe JVM, the real
 * {@code generate} and {@code upgrade} against an empty database, and Alembic's comparison.
 */
final class SizeRun {

    /**
     * The command line's JVM flags, as {@code ./retort} starts it; it adds {@code -XX:SharedArchiveFile} once the
     * first {@code check} or {@code generate} after a build wrote its AppCDS archive, and so does the benchmark.
     */
    static final List<String> CLI_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
            "-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private static final long TIMEOUT = 1800;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Options options;
    private final Progress progress;
    private final Processes processes;
    private final Path jar;
    private final String java;
    private final Path alembicScript;
    private final int n;
    private final SizeResult result;
    private final String db;
    private final String emptyDb;
    private final Path dir;
    /** Retort's cache folder (AppCDS aside) shared by the warm-up and the "cached" checks; others get a fresh one. */
    private final Path sharedCache;
    private final Path cliArchive;
    private final Path probeArchive;
    private final Path floorArchive;

    SizeRun(Options options, Progress progress, Processes processes, Path jar, Path alembicScript, int n) {
        this.options = options;
        this.progress = progress;
        this.processes = processes;
        this.jar = jar;
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.alembicScript = alembicScript;
        this.n = n;
        this.result = new SizeResult(n);
        this.db = options.prefix() + "_" + n;
        this.emptyDb = db + "_empty";
        this.dir = options.work().resolve("bench-" + n);
        this.sharedCache = dir.resolve("retort-cache");
        this.cliArchive = dir.resolve("retort.jsa");
        this.probeArchive = dir.resolve("probe.jsa");
        this.floorArchive = dir.resolve("hibernate-floor.jsa");
    }

    SizeResult run() throws Exception {
        progress.say("N=%d: writing and compiling %d entities", n, n);
        long t = System.nanoTime();
        ModelSources model = ModelSources.prepare(dir, n);
        result.modelSeconds = (System.nanoTime() - t) / 1e9;

        progress.say("N=%d: creating %s with Hibernate's own DDL", n, db);
        options.server().recreate(db);
        options.server().recreate(emptyDb);
        t = System.nanoTime();
        HibernateDdl.create(options.server().url(db), model);
        result.ddlSeconds = (System.nanoTime() - t) / 1e9;

        Path noMigrations = Files.createDirectories(dir.resolve("no-migrations"));
        String[] check = {"--url", options.server().url(db), "--migrations", noMigrations.toString(),
            "--classpath", model.classes().toString(), "--package", ModelGenerator.PACKAGE, "check"};
        List<String> javaVersion = jvm("-version");
        List<String> emptyMain = jvm("-cp", Path.of(EmptyMain.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).toString(), EmptyMain.class.getName());
        String[] floor = {"-cp", absoluteClassPath(), HibernateFloor.class.getName(),
            model.classes().toString(), ModelGenerator.PACKAGE};
        List<String> pgDump = List.of("pg_dump", "-s", "-h", options.server().host(), "-p",
                String.valueOf(options.server().port()), "-U", options.server().user(), "-f", "/dev/null", db);

        progress.say("N=%d: check and the floors, 1 warm-up + %d timed rounds", n, options.runs());
        Files.deleteIfExists(cliArchive);
        Files.deleteIfExists(floorArchive);
        for (int round = 0; round <= options.runs(); round++) {
            boolean timed = round > 0;
            Processes.Result em = must(run(emptyMain), "the empty main");
            Processes.Result jv = must(run(javaVersion), "java -version");
            Processes.Result pd = must(run(pgDump), "pg_dump -s");
            // Like the probe's, the floor's archive cannot be written when its class path has class folders (tests).
            List<String> floorArchiveFlags = timed ? archiveUsing(floorArchive)
                    : archivable(floor[1]) ? archiveWriting(floorArchive) : List.of();
            Processes.Result hf = must(run(java(floorArchiveFlags, floor)), "the Hibernate floor");
            requireTables(hf, n);
            if (!timed) {
                ModelSources.deleteTree(sharedCache);
                Processes.Result first = run(firstCli(check), sharedCache); // fills the shared cache folder too
                requireNoChanges(first, db);
                result.firstCheck = first.seconds();
                result.appCds = Files.isRegularFile(cliArchive) && Files.size(cliArchive) > 0;
                progress.say("N=%d: warm-up: first check %.2f s (writes the AppCDS archive), empty main %.3f s, "
                        + "pg_dump -s %.2f s", n, first.seconds(), em.seconds(), pd.seconds());
                continue;
            }
            Processes.Result cold = run(cli(check));
            requireNoChanges(cold, db);
            Processes.Result cached = run(cli(check), sharedCache);
            requireNoChanges(cached, db);
            result.emptyMain.add(em.seconds());
            result.javaVersion.add(jv.seconds());
            result.pgDump.add(pd.seconds());
            result.hibernateFloor.add(hf.seconds());
            result.check.add(cold.seconds());
            result.checkCached.add(cached.seconds());
            result.checkRssKb.add(cold.peakRssKb());
            result.checkRssKb.add(cached.peakRssKb());
            progress.say("N=%d: round %d: check %.2f s (%d MiB), with cached entity schema %.2f s, empty main %.3f s, "
                    + "pg_dump -s %.2f s, Hibernate floor %.2f s", n, round, cold.seconds(), cold.peakRssKb() / 1024,
                    cached.seconds(), em.seconds(), pd.seconds(), hf.seconds());
        }

        probe(model);
        generateAndUpgrade(model);
        alembic();

        if (!options.keep()) {
            options.server().drop(db);
            options.server().drop(emptyDb);
        }
        return result;
    }

    /**
     * The phases, in a JVM with the command line's flags: 1 cold iteration, then {@code runs} warm ones. Like
     * {@code check}, it starts with an AppCDS archive of its classes, written by an untimed first run.
     */
    private void probe(ModelSources model) throws Exception {
        progress.say("N=%d: phases in one JVM (1 cold + %d warm iterations; an untimed run first writes its "
                + "AppCDS archive)", n, options.runs());
        String[] args = {"-cp", absoluteClassPath(), PhaseProbe.class.getName(), options.server().url(db),
            options.server().url(emptyDb), model.classes().toString(), ModelGenerator.PACKAGE,
            dir.resolve("probe-out").toString(), "1"};
        Files.deleteIfExists(probeArchive);
        if (archivable(args[1])) {
            Processes.Result archiving = run(java(archiveWriting(probeArchive), args));
            requireNoPhantoms(archiving);
            must(archiving, "the phase probe (writing its class archive)");
        }
        result.probeAppCds = Files.isRegularFile(probeArchive);
        args[args.length - 1] = String.valueOf(options.runs() + 1);
        List<String> command = java(archiveUsing(probeArchive), args);
        command.add(dir.resolve("alembic_models.py").toString());
        Processes.Result r = run(command);
        requireNoPhantoms(r);
        must(r, "the phase probe");
        JsonNode out = JSON.readTree(r.out());
        Iterator<JsonNode> iterations = out.get("iterations").elements();
        boolean first = true;
        while (iterations.hasNext()) {
            JsonNode it = iterations.next();
            for (Map.Entry<String, JsonNode> f : it.properties()) {
                if (!f.getValue().isFloatingPointNumber()) {
                    continue;
                }
                if (first) {
                    result.cold.put(f.getKey(), f.getValue().asDouble());
                } else {
                    result.warm.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).add(f.getValue().asDouble());
                }
            }
            if (first) {
                result.catalogQueries = it.get("catalogQueries").asInt();
                result.canonicalizeStatements = it.get("canonicalizeStatements").asInt();
                result.emptyCatalogQueries = it.get("gen.catalogQueries").asInt();
                result.emptyCanonicalizeStatements = it.get("gen.canonicalizeStatements").asInt();
                result.baselineRevisions = it.get("gen.revisions").asInt();
                result.baselineOperations = it.get("gen.ops").asLong();
                result.baselineBytes = it.get("gen.bytes").asLong();
                result.baselineLines = it.get("gen.lines").asLong();
            } else if (it.get("catalogQueries").asInt() != result.catalogQueries) {
                result.catalogQueries = -Math.abs(result.catalogQueries); // flagged: the count varied
            }
            first = false;
        }
        JsonNode s = out.get("schema");
        result.schema = new SchemaFacts(s.get("tables").asInt(), s.get("columns").asInt(), s.get("indexes").asInt(),
                s.get("uniqueConstraints").asInt(), s.get("foreignKeys").asInt(), s.get("checks").asInt(),
                s.get("sequences").asInt(), s.get("enumTypes").asInt());
        result.probeMaxHeapMb = out.get("maxHeapMb").asLong();
        progress.say("N=%d: phases cold: hibernate %.2f s, catalog %.2f s (%d queries), canonicalize %.2f s, "
                        + "compare %.3f s; baseline %d operations", n, result.cold("hibernate"), result.cold("catalog"),
                result.catalogQueries, result.cold("canonicalize"), result.cold("compare"), result.baselineOperations);
    }

    /** The real {@code generate "baseline"} against the empty database, then {@code upgrade}, then compare catalogs. */
    private void generateAndUpgrade(ModelSources model) throws Exception {
        Path migrations = dir.resolve("migrations");
        ModelSources.deleteTree(migrations);
        Files.createDirectories(migrations);
        progress.say("N=%d: retort generate \"baseline\" against the empty database %s", n, emptyDb);
        String url = options.server().url(emptyDb);
        Processes.Result gen = run(cli("--url", url, "--migrations", migrations.toString(), "--migrations-package",
                "bench.migrations", "--classpath", model.classes().toString(), "--package", ModelGenerator.PACKAGE,
                "generate", "baseline", "--rev-id", "b" + n));
        String written = gen.out().strip();
        result.generate = SizeResult.Step.of(gen, gen.ok() && written.startsWith("Generating "),
                (gen.ok() ? written : firstLines(gen.err(), 12)).replace(options.root() + "/", ""));
        if (!result.generate.ok()) {
            result.upgrade = SizeResult.Step.skipped("generate failed");
            result.roundTripCheck = SizeResult.Step.skipped("generate failed");
            progress.say("N=%d: generate FAILED: %s", n, result.generate.detail());
            return;
        }
        progress.say("N=%d: generate took %.2f s; retort upgrade", n, gen.seconds());
        Processes.Result up = run(cli("--url", url, "--migrations", migrations.toString(), "--migrations-package",
                "bench.migrations", "upgrade"));
        result.upgrade = SizeResult.Step.of(up, up.ok(), up.ok() ? lastLine(up.err())
                : firstLines(withoutProgress(up.err()), 12).replace(options.root() + "/", ""));
        if (!up.ok()) {
            result.roundTripCheck = SizeResult.Step.skipped("upgrade failed");
            progress.say("N=%d: upgrade FAILED after %.1f s: %s", n, up.seconds(), firstLines(up.err(), 3));
            return;
        }
        try (Connection a = options.server().connect(db); Connection b = options.server().connect(emptyDb)) {
            CatalogSnapshot expected = CatalogSnapshot.take(a, "public");
            CatalogSnapshot actual = CatalogSnapshot.take(b, "public").withoutRetort("retort_version");
            result.catalogsEqual = expected.equals(actual);
            if (!result.catalogsEqual) {
                result.catalogDifference = difference(expected, actual);
            }
        }
        Processes.Result roundTrip = run(cli("--url", url, "--migrations", migrations.toString(),
                "--migrations-package", "bench.migrations", "--classpath", model.classes().toString(), "--package",
                ModelGenerator.PACKAGE, "check"));
        boolean clean = roundTrip.ok() && roundTrip.out().strip().equals("No changes detected.");
        result.roundTripCheck = SizeResult.Step.of(roundTrip, clean,
                clean ? "No changes detected." : firstLines(roundTrip.out() + roundTrip.err(), 12));
        progress.say("N=%d: upgrade took %.2f s; catalog equals %s: %s; check after upgrade: %s", n, up.seconds(), db,
                result.catalogsEqual, clean ? "no changes" : "CHANGES");
    }

    private void alembic() throws Exception {
        SizeResult.AlembicFigures a = result.alembic;
        if (alembicScript == null) {
            a.skipped = options.alembic() ? "python3-alembic not installed" : "--no-alembic";
            return;
        }
        Path models = dir.resolve("alembic_models.py");
        List<String> command = List.of("/usr/bin/python3", alembicScript.toString(), models.toString(),
                options.server().sqlAlchemyUrl(db));
        double spent = 0;
        for (int i = 0; i < options.runs(); i++) {
            if (i > 0 && spent > options.alembicBudget()) {
                break;
            }
            Processes.Result r = must(run(command), "Alembic's compare_metadata");
            JsonNode out = JSON.readTree(r.out());
            a.process.add(r.seconds());
            a.compare.add(out.get("compare_seconds").asDouble());
            a.imports.add(out.get("import_seconds").asDouble());
            a.queries = out.get("queries").asInt();
            a.differences = out.get("differences").asInt();
            a.kinds.clear();
            out.get("kinds").properties().forEach(e -> a.kinds.put(e.getKey(), e.getValue().asInt()));
            List<String> sample = new ArrayList<>();
            out.get("sample").elements().forEachRemaining(e -> sample.add(e.asText()));
            a.sample = sample;
            a.versions = "Alembic " + out.get("alembic").asText() + ", SQLAlchemy " + out.get("sqlalchemy").asText()
                    + ", Python " + out.get("python").asText();
            spent += r.seconds();
            a.runs++;
            progress.say("N=%d: Alembic run %d: compare_metadata %.2f s (%d queries, %d differences), process %.2f s",
                    n, i + 1, out.get("compare_seconds").asDouble(), a.queries, a.differences, r.seconds());
        }
    }

    private void requireNoPhantoms(Processes.Result probe) {
        if (probe.exit() == 3) {
            throw new BenchmarkFailure("Phantom differences at N=" + n + ": the probe's in-process comparison of "
                    + db + " (created by Hibernate) with its entities is not empty.\n" + probe.err());
        }
    }

    /** The Hibernate floor must have mapped at least one table per entity, or it measured nothing. */
    private void requireTables(Processes.Result floor, int entities) {
        String out = floor.out().strip();
        if (!out.matches("\\d+") || Integer.parseInt(out) < entities) {
            throw new BenchmarkFailure("the Hibernate floor mapped " + out + " tables for " + entities
                    + " entities at N=" + n + ":\n" + floor.describe());
        }
    }

    private void requireNoChanges(Processes.Result check, String database) {
        if (check.exit() != 0 || !check.out().strip().equals("No changes detected.")) {
            throw new BenchmarkFailure("retort check against " + database + " (created by Hibernate's own DDL for "
                    + n + " entities) must report no changes, but it did not. This is a phantom difference (or a "
                    + "failure) in Retort:\n" + check.describe());
        }
    }

    /**
     * Runs a command with an empty cache folder of its own: Retort reads the entities and compiles the migrations
     * as it must after they changed, and nothing is left over from another run.
     */
    private Processes.Result run(List<String> command) throws IOException, InterruptedException {
        Path fresh = Files.createTempDirectory(dir, "cache-");
        try {
            return run(command, fresh.resolve("retort"));
        } finally {
            ModelSources.deleteTree(fresh);
        }
    }

    private Processes.Result run(List<String> command, Path cache) throws IOException, InterruptedException {
        return processes.run(command, dir, Map.of("RETORT_CACHE_DIR", cache.toString()), TIMEOUT);
    }

    private Processes.Result must(Processes.Result r, String what) {
        if (!r.ok()) {
            throw new BenchmarkFailure(what + " failed at N=" + n + ":\n" + r.describe());
        }
        return r;
    }

    /** The command line as {@code ./retort} starts it, with the AppCDS archive once there is one. */
    private List<String> cli(String... args) {
        List<String> command = java(archiveUsing(cliArchive), "-jar", jar.toString());
        command.addAll(List.of(args));
        return command;
    }

    /** The first {@code check} or {@code generate} after a build, as {@code ./retort} runs it: it writes the archive. */
    private List<String> firstCli(String... args) {
        List<String> command = java(archiveWriting(cliArchive), "-jar", jar.toString());
        command.addAll(List.of(args));
        return command;
    }

    /** A JVM with the command line's flags and no archive of its own (the JDK's default CDS only). */
    private List<String> jvm(String... args) {
        return java(List.of(), args);
    }

    private List<String> java(List<String> extraFlags, String... args) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(CLI_FLAGS);
        command.addAll(extraFlags);
        command.addAll(List.of(args));
        return command;
    }

    /** Whether a class path can have an AppCDS archive: the JVM refuses one with class directories on it. */
    private static boolean archivable(String classPath) {
        for (String entry : classPath.split(File.pathSeparator)) {
            if (Files.isDirectory(Path.of(entry))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> archiveWriting(Path archive) {
        return List.of("-XX:ArchiveClassesAtExit=" + archive);
    }

    private static List<String> archiveUsing(Path archive) {
        return Files.isRegularFile(archive) ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
    }

    /** This JVM's class path with every entry absolute, for a child started in another directory. */
    private static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String difference(CatalogSnapshot expected, CatalogSnapshot actual) {
        Set<String> missing = new TreeSet<>(expected.linesNotIn(actual));
        Set<String> extra = new TreeSet<>(actual.linesNotIn(expected));
        StringBuilder out = new StringBuilder();
        out.append(missing.size()).append(" line(s) only in Hibernate's database, ").append(extra.size())
                .append(" only in the upgraded one");
        missing.stream().limit(5).forEach(l -> out.append("\n- ").append(l));
        extra.stream().limit(5).forEach(l -> out.append("\n+ ").append(l));
        return out.toString();
    }

    private static String firstLines(String text, int count) {
        return String.join("\n", text.strip().lines().limit(count).toList());
    }

    /** The error without the runner's "Running upgrade ..." progress lines. */
    private static String withoutProgress(String text) {
        return String.join("\n", text.lines().filter(l -> !l.startsWith("Running upgrade")).toList());
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
