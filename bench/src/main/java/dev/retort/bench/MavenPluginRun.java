package dev.retort.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code mvn retort:check} on the journal example against {@code ./retort check} on the same database, with
 * Maven's own start-up ({@code mvn validate} on the same module, which loads Maven and reads the POMs but runs no
 * plugin) measured apart, interleaved after one untimed warm-up round. The plugin comes from the local repository
 * ({@code scripts/bench} installs it); the migrations module is built alone, its entities module from there too.
 */
final class MavenPluginRun {

    /** The medians' samples, or why nothing was measured. */
    record Result(Stats retortCheck, Stats mavenValidate, Stats pluginCheck, String maven, String skipped) {

        static Result skipped(String why) {
            return new Result(Stats.of(List.of()), Stats.of(List.of()), Stats.of(List.of()), null, why);
        }
    }

    private final Options options;
    private final Progress progress;
    private final Processes processes;

    MavenPluginRun(Options options, Progress progress, Processes processes) {
        this.options = options;
        this.progress = progress;
        this.processes = processes;
    }

    Result run() throws Exception {
        Path root = options.root();
        String version = version(root);
        String db = options.prefix() + "_journal";
        String url = options.server().url(db);
        progress.say("journal: %s at head, then ./retort check against mvn retort:check, 1 warm-up + %d rounds",
                db, options.runs());
        options.server().recreate(db);
        try {
            must(processes.run(List.of("./retort", "--url", url, "upgrade", "head"), root, Map.of(), 600),
                    "./retort upgrade head on the journal");
            List<String> cli = List.of("./retort", "--url", url, "check");
            List<String> mvn = List.of("mvn", "-o", "-q", "-B", "-Dstyle.color=never", "-f", "migrations/pom.xml");
            List<String> validate = new ArrayList<>(mvn);
            validate.add("validate");
            List<String> plugin = new ArrayList<>(mvn);
            plugin.addAll(List.of("dev.retort:retort-maven-plugin:" + version + ":check",
                    "-Dretort.config=" + root.resolve("retort.yaml"), "-Dretort.url=" + url));
            List<Double> c = new ArrayList<>();
            List<Double> v = new ArrayList<>();
            List<Double> p = new ArrayList<>();
            for (int round = 0; round <= options.runs(); round++) {
                Processes.Result rc = must(processes.run(cli, root, Map.of(), 600), "./retort check on the journal");
                Processes.Result mv = must(processes.run(validate, root, Map.of(), 600), "mvn validate");
                Processes.Result pc = must(processes.run(plugin, root, Map.of(), 600), "mvn retort:check");
                if (round == 0) {
                    continue;
                }
                c.add(rc.seconds());
                v.add(mv.seconds());
                p.add(pc.seconds());
                progress.say("journal: round %d: ./retort check %.2f s, mvn validate %.2f s, mvn retort:check %.2f s",
                        round, rc.seconds(), mv.seconds(), pc.seconds());
            }
            Processes.Result mavenVersion = processes.run(List.of("mvn", "-v", "-B", "-Dstyle.color=never"), root,
                    Map.of(), 120);
            String maven = mavenVersion.out().replaceAll("\u001B\\[[0-9;]*m", "").lines().findFirst().orElse("Maven")
                    .strip();
            return new Result(Stats.of(c), Stats.of(v), Stats.of(p), maven, null);
        } finally {
            if (!options.keep()) {
                options.server().drop(db);
            }
        }
    }

    private static Processes.Result must(Processes.Result r, String what) {
        if (!r.ok()) {
            throw new BenchmarkFailure(what + " failed: " + r.describe());
        }
        return r;
    }

    /** Retort's version, from the root POM (the first version after the parent's artifactId). */
    private static String version(Path root) throws java.io.IOException {
        String pom = Files.readString(root.resolve("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>retort-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        if (!m.find()) {
            throw new BenchmarkFailure("Cannot find Retort's version in " + root.resolve("pom.xml"));
        }
        return m.group(1).strip();
    }
}
