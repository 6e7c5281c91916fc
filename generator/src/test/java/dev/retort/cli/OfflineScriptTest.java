package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.CatalogSnapshot;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabase.class)
@DisplayName("Offline SQL scripts")
class OfflineScriptTest {

    @Test
    @DisplayName("sql base:head applied with psql gives the same catalog as upgrade head; head:base undoes it")
    void scriptMatchesOnlineUpgrade(TestDatabase online) throws Exception {
        try (Project p = Project.create(online); TestDatabase offline = TestDatabase.create()) {
            Chain.write(p);
            Cli.Result up = p.run("upgrade");
            assertEquals(0, up.exit(), up::toString);

            Cli.Result script = p.cli().run("--url", "jdbc:postgresql://127.0.0.1:1/unreachable", "sql", "base:head");
            assertEquals(0, script.exit(), script::toString);
            assertEquals("", script.err(), "offline mode needs no database and reports nothing");
            assertEquals(5, script.out().lines().filter("BEGIN;"::equals).count(), script.out());
            assertEquals(5, script.out().lines().filter("COMMIT;"::equals).count(), script.out());
            psql(offline, script.out(), p.root());
            assertEquals(online.snapshot(), offline.snapshot());
            assertEquals(rows(online), rows(offline));

            Cli.Result down = p.run("downgrade", "--sql", "head:base");
            assertEquals(0, down.exit(), down::toString);
            psql(offline, down.out(), p.root());
            CatalogSnapshot afterDown = offline.snapshot();
            assertEquals(List.of("column retort_version.version_num character varying(64) not null",
                    "constraint retort_version.retort_version_pkc PRIMARY KEY (version_num)",
                    "index CREATE UNIQUE INDEX retort_version_pkc ON public.retort_version USING btree (version_num)",
                    "table retort_version"), afterDown.lines());
        }
    }

    @Test
    @DisplayName("upgrade --sql FROM:TO scripts only that range, starting from the recorded revision")
    void scriptsARange(TestDatabase db) {
        try (Project p = Project.create(db)) {
            Chain.write(p);
            Cli.Result r = p.run("upgrade", "--sql", Chain.R3 + ":" + Chain.R5);
            assertEquals(0, r.exit(), r::toString);
            assertTrue(r.out().contains("-- Running upgrade 3c4d5e6f7a8b -> 4d5e6f7a8b9c, index entry titles"), r.out());
            assertTrue(r.out().contains("UPDATE retort_version SET version_num = '5e6f7a8b9c0d' WHERE version_num = '4d5e6f7a8b9c'"), r.out());
            assertTrue(!r.out().contains("CREATE TABLE users") && !r.out().contains("CREATE TABLE IF NOT EXISTS"), r.out());
        }
    }

    private static String rows(TestDatabase db) throws Exception {
        try (var c = db.connect(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT string_agg(version_num, ',') FROM retort_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Applies a script with the real psql client, stopping at the first error. */
    static void psql(TestDatabase db, String script, Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve("script.sql");
        Files.writeString(file, script);
        String libpqUrl = db.url().substring("jdbc:".length());
        Process psql = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", libpqUrl, "-f", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(psql.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, psql.exitValue(), "psql failed:\n" + output);
    }
}
