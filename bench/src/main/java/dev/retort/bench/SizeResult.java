package dev.retort.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything measured for one size; filled in by {@link SizeRun} as it goes, read by {@link Report}. */
final class SizeResult {

    /** One CLI step run once (generate, upgrade, the round-trip check): what it took and said. */
    record Step(boolean ok, double seconds, long peakRssKb, String detail) {

        static Step of(Processes.Result r, boolean ok, String detail) {
            return new Step(ok, r.seconds(), r.peakRssKb(), detail);
        }

        static Step skipped(String why) {
            return new Step(false, Double.NaN, -1, why);
        }
    }

    /** Alembic's figures at this size, or why there are none. */
    static final class AlembicFigures {
        String skipped;
        int runs;
        final List<Double> process = new ArrayList<>();
        final List<Double> compare = new ArrayList<>();
        final List<Double> imports = new ArrayList<>();
        int queries;
        int differences;
        Map<String, Integer> kinds = new LinkedHashMap<>();
        List<String> sample = List.of();
        String versions = "";
    }

    final int n;
    SchemaFacts schema;
    double modelSeconds;
    double ddlSeconds;

    /** The warm-up {@code check}: the first after a build, which writes the AppCDS archive. */
    double firstCheck = Double.NaN;
    boolean appCds;
    boolean probeAppCds;
    /** {@code check} with a fresh cache folder each run: the entities are read, as after any change to them. */
    final List<Double> check = new ArrayList<>();
    /** {@code check} with the cache folder the warm-up filled: unchanged entities come from Retort's cache. */
    final List<Double> checkCached = new ArrayList<>();
    final List<Long> checkRssKb = new ArrayList<>();
    final List<Double> javaVersion = new ArrayList<>();
    final List<Double> emptyMain = new ArrayList<>();
    final List<Double> pgDump = new ArrayList<>();
    /** A fresh JVM that only has Hibernate build its metadata for the entities ({@link HibernateFloor}). */
    final List<Double> hibernateFloor = new ArrayList<>();

    /** Phase name to seconds, first iteration of the probe (a cold JVM). */
    final Map<String, Double> cold = new LinkedHashMap<>();
    /** Phase name to seconds over the warm iterations. */
    final Map<String, List<Double>> warm = new LinkedHashMap<>();
    int catalogQueries;
    int canonicalizeStatements;
    int emptyCatalogQueries;
    int emptyCanonicalizeStatements;
    long baselineOperations;
    int baselineRevisions;
    long baselineBytes;
    long baselineLines;
    long probeMaxHeapMb;

    Step generate;
    Step upgrade;
    Boolean catalogsEqual;
    String catalogDifference = "";
    Step roundTripCheck;

    final AlembicFigures alembic = new AlembicFigures();

    SizeResult(int n) {
        this.n = n;
    }

    Stats checkStats() {
        return Stats.of(check);
    }

    Stats warm(String phase) {
        return Stats.of(warm.getOrDefault(phase, List.of()));
    }

    double cold(String phase) {
        return cold.getOrDefault(phase, Double.NaN);
    }

    long peakRssKb() {
        return checkRssKb.stream().mapToLong(Long::longValue).max().orElse(-1);
    }
}
