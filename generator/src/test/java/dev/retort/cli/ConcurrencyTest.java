package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabase.class)
class ConcurrencyTest {

    @Test
    @DisplayName("four runners started at once apply each revision exactly once")
    void fourRunnersApplyEachRevisionOnce(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE applied_log (revision text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())");
        try (Project p = Project.create(db)) {
            String[] ids = {"a00000000001", "a00000000002", "a00000000003", "a00000000004", "a00000000005"};
            for (int i = 0; i < ids.length; i++) {
                p.migration(ids[i], i == 0 ? List.of() : List.of(ids[i - 1]), "step " + (i + 1),
                        "op.execute(\"INSERT INTO applied_log (revision) VALUES ('" + ids[i] + "')\");\n"
                                + "op.execute(\"SELECT pg_sleep(0.2)\");\n"
                                + "op.createTable(\"t" + (i + 1) + "\", Column.of(\"id\", \"integer\"));",
                        "op.dropTable(\"t" + (i + 1) + "\");");
            }
            CyclicBarrier start = new CyclicBarrier(4);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Cli.Result>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return p.run("upgrade");
                }));
            }
            int running = 0;
            for (Future<Cli.Result> run : runs) {
                Cli.Result r = run.get();
                assertEquals(0, r.exit(), r::toString);
                running += (int) r.err().lines().filter(l -> l.startsWith("Running upgrade")).count();
            }
            pool.shutdown();
            assertEquals(5, running, "five revisions were run in total, by whichever runner got there first");

            Map<String, Integer> counts = new LinkedHashMap<>();
            try (Connection c = db.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT revision, count(*) FROM applied_log GROUP BY revision ORDER BY 1")) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
            Map<String, Integer> once = new LinkedHashMap<>();
            for (String id : ids) {
                once.put(id, 1);
            }
            assertEquals(once, counts);
            assertEquals("a00000000005 (head)", p.run("current").out().strip());
        }
    }
}
