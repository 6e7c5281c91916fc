package dev.retort.journal.migrations;

import dev.retort.cli.CliContext;
import dev.retort.cli.Main;
import dev.retort.testkit.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
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

    /** The chain, oldest first. */
    static final List<String> REVISIONS = List.of("425561e8f624", "37c238375f68", "8f6479aa0662", "24e050a39a94",
            "1eca9347b8fd", "f0d46199a2a9");
    static final List<String> MESSAGES = List.of("baseline core tables", "reminders", "encryption tables",
            "opaque sessions", "monitoring", "add reminder index");

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
