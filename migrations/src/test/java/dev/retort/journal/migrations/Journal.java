package dev.retort.journal.migrations;

import dev.retort.cli.CliContext;
import dev.retort.cli.Main;
import dev.retort.config.ConfigLoader;
import dev.retort.config.RetortConfig;
import dev.retort.migration.internal.LoadedRevision;
import dev.retort.migration.internal.RevisionGraph;
import dev.retort.testkit.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal application as its team runs it: the repository's own {@code retort.yaml}, environment
 * {@code test}, its database given by {@code JOURNAL_TEST_URL} (here: a fresh database per test).
 */
final class Journal {

    /** The repository root: tests run in the migrations module's folder. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path CONFIG = ROOT.resolve("retort.yaml");
    /** The compiled entities, as retort.yaml names them (the build compiles models/ before these tests). */
    static final Path MODEL_CLASSES = ROOT.resolve("models/target/classes");

    /**
     * The chain as the migrations folder holds it now, base first: compiled from the folder {@code retort.yaml}
     * names, as the command line does, so a revision {@code retort generate} just added (the README's tour adds
     * one) is part of it without anyone editing a list here. The tests step along it one revision at a time, so
     * it must be a single line: a branch or a second base fails here, naming the revisions.
     */
    static List<LoadedRevision> chain() {
        RetortConfig config = ConfigLoader.load(CONFIG, Map.of());
        Path folder = config.baseDirectory().resolve(config.migrations().directory());
        RevisionGraph graph = RevisionGraph.fromSources(folder, Journal.class.getClassLoader());
        List<LoadedRevision> bases = graph.bases();
        if (bases.size() != 1) {
            throw new IllegalStateException("The journal's migrations in " + folder + " have " + bases.size()
                    + " bases (" + ids(bases) + "); these tests walk a single chain from one base.");
        }
        List<LoadedRevision> chain = new ArrayList<>(bases);
        for (List<LoadedRevision> next = graph.children(bases.get(0).id()); !next.isEmpty();
                next = graph.children(next.get(0).id())) {
            if (next.size() > 1 || next.get(0).parents().size() > 1) {
                throw new IllegalStateException("The journal's migrations in " + folder + " branch or merge after "
                        + chain.get(chain.size() - 1).id() + " (" + ids(next) + "); these tests walk a single chain.");
            }
            chain.add(next.get(0));
        }
        return List.copyOf(chain);
    }

    static List<String> ids(List<LoadedRevision> scripts) {
        return scripts.stream().map(LoadedRevision::id).toList();
    }

    /** What one run returned and printed. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Journal() {
    }

    /** Runs {@code retort --config retort.yaml --env test ARGS} with {@code JOURNAL_TEST_URL} naming {@code db}. */
    static Result retort(TestDatabase db, Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.putIfAbsent("JOURNAL_TEST_URL", db.url());
        String[] all = new String[args.length + 4];
        all[0] = "--config";
        all[1] = CONFIG.toString();
        all[2] = "--env";
        all[3] = "test";
        System.arraycopy(args, 0, all, 4, args.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new CliContext(env, ROOT, Clock.systemUTC(), CliContext::randomRevisionId),
                new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Result(exit, out.toString(), err.toString());
    }

    static Result retort(TestDatabase db, String... args) {
        return retort(db, Map.of(), args);
    }
}
