package dev.retort.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.retort.autogenerate.Autogenerator;
import dev.retort.autogenerate.SchemaPlatform;
import dev.retort.catalog.CatalogFilter;
import dev.retort.diff.ChangeDescriptions;
import dev.retort.diff.DetectedChange;
import dev.retort.diff.Diff;
import dev.retort.hibernate.EntitySource;
import dev.retort.hibernate.HibernateSchemaReader;
import dev.retort.hibernate.NamingSettings;
import dev.retort.render.MigrationSource;
import dev.retort.runtime.RuntimeSettings;
import dev.retort.schema.Schema;
import dev.retort.testkit.QueryCounter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The phases of {@code retort check} and {@code generate}, timed one by one inside one JVM started with the
 * command line's flags. It calls what {@code check} and {@code generate} call, {@link Autogenerator}: read the
 * entities (class scan, Hibernate metadata, mapping), read the catalog, canonicalize, compare; then, for
 * {@code generate} against an empty database, the same, then split the diff into revisions small enough for one
 * transaction's locks, render and write them. The first iteration
 * runs in a cold JVM, as the command line always does; the following ones are warm.
 *
 * <p>Arguments: {@code URL EMPTY_URL CLASSES PACKAGE OUT_DIR ITERATIONS [ALEMBIC_MODELS_FILE]}. Prints one JSON
 * object on stdout; exits 3, listing the changes on stderr, when the database built by Hibernate does not compare
 * equal to the entities (a phantom difference).
 */
public final class PhaseProbe {

    private PhaseProbe() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String emptyUrl = args[1];
        Path classes = Path.of(args[2]);
        String pkg = args[3];
        Path outDir = Path.of(args[4]);
        int iterations = Integer.parseInt(args[5]);
        Path alembicModels = args.length > 6 ? Path.of(args[6]) : null;

        CatalogFilter filter = CatalogFilter.of(RuntimeSettings.DEFAULT_VERSION_TABLE);
        List<Map<String, Object>> results = new ArrayList<>();
        Schema desired = null;
        for (int i = 0; i < iterations; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            long t0 = System.nanoTime();
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    PhaseProbe.class.getClassLoader())) {
                desired = filter.apply(new HibernateSchemaReader().read(new EntitySource(
                        SchemaPlatform.forUrl(url).hibernate(), loader, List.of(pkg), NamingSettings.DEFAULT, Map.of())));
            }
            r.put("hibernate", seconds(t0));

            Diff check = compare(url, desired, filter, r, "");
            if (!check.isEmpty()) {
                System.err.println("PHANTOM DIFFERENCES: the database Hibernate created does not compare equal "
                        + "to its entities (" + check.operations().size() + " operations, "
                        + check.unsupported() + " unsupported):");
                for (DetectedChange change : ChangeDescriptions.of(check.operations())) {
                    System.err.println("Detected " + change.description());
                }
                check.warnings().forEach(w -> System.err.println("WARNING (" + w.kind().code() + "): " + w.message()));
                System.exit(3);
            }

            Diff baseline = compare(emptyUrl, desired, filter, r, "gen.");
            long t = System.nanoTime();
            List<Autogenerator.Part> parts = new Autogenerator(SchemaPlatform.forUrl(emptyUrl), filter)
                    .revisions(baseline, false);
            r.put("gen.split", seconds(t));
            t = System.nanoTime();
            List<MigrationSource> sources = Autogenerator.write(parts, "bench.migrations", "probe" + i, List.of(),
                    "baseline", Instant.parse("2026-01-01T00:00:00Z"), null);
            List<String> texts = sources.stream().map(MigrationSource::render).toList();
            r.put("gen.render", seconds(t));
            t = System.nanoTime();
            Files.createDirectories(outDir);
            for (int p = 0; p < sources.size(); p++) {
                Files.writeString(outDir.resolve(sources.get(p).fileName()), texts.get(p));
            }
            r.put("gen.write", seconds(t));
            r.put("gen.ops", baseline.operations().size());
            r.put("gen.revisions", parts.size());
            r.put("gen.bytes", texts.stream().mapToLong(String::length).sum());
            r.put("gen.lines", texts.stream().mapToLong(x -> x.lines().count()).sum());
            for (MigrationSource source : sources) {
                Files.delete(outDir.resolve(source.fileName()));
            }
            results.add(r);
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("iterations", results);
        out.put("schema", SchemaFacts.of(desired));
        out.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        if (alembicModels != null) {
            Files.writeString(alembicModels, AlembicModels.source(desired));
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        System.out.println(json.writeValueAsString(out));
    }

    /**
     * Connects (timed apart), then compares through {@link Autogenerator}, as {@code check} does, timing its phases
     * (catalog, spellings, compare) and counting each one's statements.
     */
    private static Diff compare(String url, Schema desired, CatalogFilter filter, Map<String, Object> r, String prefix)
            throws SQLException {
        long t = System.nanoTime();
        try (Connection raw = DriverManager.getConnection(url)) {
            r.put(prefix + "connect", seconds(t));
            QueryCounter counting = new QueryCounter();
            Connection c = counting.wrap(raw);
            long[] since = {System.nanoTime()};
            Autogenerator autogenerator = new Autogenerator(SchemaPlatform.forUrl(url), filter).dataChecks(false)
                    .phases(phase -> {
                        String name = switch (phase) {
                            case CATALOG -> "catalog";
                            case SPELLINGS -> "canonicalize";
                            case COMPARE -> "compare";
                            default -> phase.name().toLowerCase(java.util.Locale.ROOT);
                        };
                        r.put(prefix + name, seconds(since[0]));
                        int queries = counting.takeCount();
                        if (phase == Autogenerator.Phase.CATALOG) {
                            r.put(prefix + "catalogQueries", queries);
                        } else if (phase == Autogenerator.Phase.SPELLINGS) {
                            r.put(prefix + "canonicalizeStatements", queries);
                        }
                        since[0] = System.nanoTime();
                    });
            return autogenerator.compare(c, List.of(desired)).diff();
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
