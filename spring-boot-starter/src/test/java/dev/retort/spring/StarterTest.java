package dev.retort.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.spring.app.Reminder;
import dev.retort.spring.app.StarterApp;
import dev.retort.spring.app.migrations.V1_reminders;
import dev.retort.spring.app.migrations.V2_due_at;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starter in a real Spring Boot 4 application (JPA with {@code ddl-auto=validate}, so Hibernate checks the
 * schema as it starts: it must start after the migration) against a fresh PostgreSQL database each.
 */
@ExtendWith(FreshDatabase.class)
@DisplayName("The Spring Boot starter")
class StarterTest {

    private static ConfigurableApplicationContext start(TestDatabase db, String... properties) {
        List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + db.url(),
                "spring.jpa.hibernate.ddl-auto=validate", "spring.jpa.open-in-view=false",
                "spring.main.banner-mode=off", "retort.migrations-package=dev.retort.spring.app.migrations",
                "spring.main.web-application-type=none"));
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(StarterApp.class).properties(all.toArray(String[]::new)).run();
    }


    /** The refusal that stopped start-up, from the context's exception chain. */
    private static RetortStartupException refusal(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof RetortStartupException r) {
                return r;
            }
        }
        throw new AssertionError("start-up failed, but not with Retort's refusal", thrown);
    }

    private static List<String> heads(TestDatabase db) {
        try (var c = db.connect(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT version_num FROM retort_version ORDER BY 1")) {
            List<String> heads = new ArrayList<>();
            while (rs.next()) {
                heads.add(rs.getString(1));
            }
            return heads;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("brings a fresh database to head before JPA starts, and JPA and JdbcTemplate then work on it")
    void freshDatabase(TestDatabase db) {
        try (ConfigurableApplicationContext context = start(db)) {
            assertEquals(List.of("b2"), heads(db));
            assertEquals(List.of("b2"), context.getBean(RetortMigrator.class).current());
            var em = context.getBean(EntityManagerFactory.class).createEntityManager();
            em.getTransaction().begin();
            Reminder r = new Reminder();
            r.title = "water the plants";
            r.dueAt = OffsetDateTime.parse("2026-12-04T09:00:00Z");
            em.persist(r);
            em.getTransaction().commit();
            em.close();
            assertEquals(1, context.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM reminders",
                    Integer.class));
        }
        // Started again at head: nothing to do.
        try (ConfigurableApplicationContext again = start(db)) {
            assertEquals(List.of("b2"), heads(db));
        }
    }

    @Test
    @DisplayName("refuses to start when the database is ahead of the code, naming the revision")
    void aheadOfTheCode(TestDatabase db) {
        start(db).close();
        db.execute("UPDATE retort_version SET version_num = 'c3'");
        Exception e = assertThrows(Exception.class, () -> start(db).close());
        String message = refusal(e).getMessage();
        assertTrue(message.contains("c3") && message.contains("Start-up is refused, as the database is ahead"),
                message);
        try (ConfigurableApplicationContext tolerant = start(db, "retort.fail-on-unknown-revision=false",
                "spring.jpa.hibernate.ddl-auto=none")) {
            assertEquals(List.of("c3"), heads(db), "nothing migrated");
        }
    }

    @Test
    @DisplayName("with validate-only, refuses to start while revisions are pending, and applies nothing")
    void validateOnly(TestDatabase db) {
        Exception e = assertThrows(Exception.class, () -> start(db, "retort.validate-only=true").close());
        String message = refusal(e).getMessage();
        assertTrue(message.contains("2 revision(s) of this application's migrations are pending (a1, b2)")
                && message.contains("retort.validate-only"), message);
        assertFalse(db.snapshot().toString().contains("reminders"), "nothing applied");
        start(db).close();
        try (ConfigurableApplicationContext validated = start(db, "retort.validate-only=true")) {
            assertNotNull(validated.getBean(EntityManagerFactory.class));
        }
    }

    @Test
    @DisplayName("stops start-up on a failing revision with the runner's message, the database at the revision before")
    void failingRevision(TestDatabase db) {
        V2_due_at.fail = true;
        try {
            Exception e = assertThrows(Exception.class, () -> start(db).close());
            String message = refusal(e).getMessage();
            assertTrue(message.contains("b2") && message.contains("division by zero"), message);
        } finally {
            V2_due_at.fail = false;
        }
        assertEquals(List.of("a1"), heads(db));
        String catalog = db.snapshot().toString();
        assertTrue(catalog.contains("table reminders") && !catalog.contains("due_at"), catalog);
    }

    @Test
    @DisplayName("applies each revision once when two instances start at the same moment")
    void concurrentStarts(TestDatabase db) throws Exception {
        int before = V1_reminders.APPLIED.get();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        // Two applications in one JVM share Spring Boot's logging system, whose set-up is not meant to race.
        String logging = "org.springframework.boot.logging.LoggingSystem";
        System.setProperty(logging, "none");
        try {
            Future<?> a = pool.submit(() -> start(db).close());
            Future<?> b = pool.submit(() -> start(db).close());
            a.get();
            b.get();
        } finally {
            pool.shutdownNow();
            System.clearProperty(logging);
        }
        assertEquals(1, V1_reminders.APPLIED.get() - before, "the first revision ran once");
        assertEquals(List.of("b2"), heads(db));
    }

    @Test
    @DisplayName("reports the revisions on the Actuator endpoint, and health DOWN while the database is behind")
    void actuator(TestDatabase db) {
        try (ConfigurableApplicationContext context = start(db, "spring.jmx.enabled=true",
                "management.endpoints.jmx.exposure.include=retort,health")) {
            RetortMigrator.Status status = context.getBean(RetortEndpoint.class).revisions();
            assertEquals(List.of("b2"), status.current());
            assertEquals(List.of("b2"), status.heads());
            assertEquals(List.of(), status.pending());
            assertEquals(List.of("a1 reminders true upgrade", "b2 due at true upgrade"), status.revisions().stream()
                    .map(r -> r.id() + " " + r.message() + " " + r.applied() + " " + r.appliedAs()).toList());
            assertEquals(List.of("a1"), status.revisions().get(1).parents());
            var health = context.getBean("retortHealthIndicator",
                    org.springframework.boot.health.contributor.HealthIndicator.class);
            assertEquals("UP", health.health().getStatus().getCode());

            db.execute("UPDATE retort_version SET version_num = 'a1'");
            var behind = health.health();
            assertEquals("DOWN", behind.getStatus().getCode());
            assertEquals(List.of("b2"), behind.getDetails().get("pending"));
            assertEquals(false, context.getBean(RetortEndpoint.class).revisions().revisions().get(1).applied());
        }
    }

    private static String currentUser(TestDatabase db) {
        try (var c = db.connect(); var st = c.createStatement(); var rs = st.executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("serves /actuator/retort and /actuator/health/retort over HTTP: when each revision was applied, "
            + "by whom, and 503 DOWN while the database is behind")
    void actuatorOverHttp(TestDatabase db) throws Exception {
        OffsetDateTime before = OffsetDateTime.now().minusMinutes(1);
        try (ConfigurableApplicationContext context = start(db, "spring.main.web-application-type=servlet",
                "server.address=127.0.0.1", "server.port=0",
                "management.endpoints.web.exposure.include=retort,health",
                "management.endpoint.health.show-details=always")) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            JsonMapper json = JsonMapper.builder().build();

            HttpResponse<String> response = get(port, "/actuator/retort");
            assertEquals(200, response.statusCode(), response.body());
            JsonNode body = json.readTree(response.body());
            assertEquals("[\"b2\"]", body.get("current").toString());
            assertEquals("[\"b2\"]", body.get("heads").toString());
            assertEquals("[]", body.get("pending").toString());
            JsonNode revisions = body.get("revisions");
            assertEquals(2, revisions.size(), response.body());
            String user = currentUser(db);
            for (JsonNode r : revisions) {
                assertTrue(r.get("applied").asBoolean(), response.body());
                assertEquals(user, r.get("appliedBy").asString(), response.body());
                assertEquals("upgrade", r.get("appliedAs").asString(), response.body());
                OffsetDateTime at = OffsetDateTime.parse(r.get("appliedAt").asString());
                assertTrue(at.isAfter(before) && at.isBefore(OffsetDateTime.now().plusMinutes(1)), response.body());
            }
            assertEquals("due at", revisions.get(1).get("message").asString());

            HttpResponse<String> health = get(port, "/actuator/health/retort");
            assertEquals(200, health.statusCode(), health.body());
            assertEquals("UP", json.readTree(health.body()).get("status").asString(), health.body());

            db.execute("UPDATE retort_version SET version_num = 'a1'");
            HttpResponse<String> down = get(port, "/actuator/health/retort");
            assertEquals(503, down.statusCode(), down.body());
            JsonNode downBody = json.readTree(down.body());
            assertEquals("DOWN", downBody.get("status").asString(), down.body());
            assertEquals("[\"b2\"]", downBody.get("details").get("pending").toString(), down.body());
            assertEquals(503, get(port, "/actuator/health").statusCode(), "the application's health is DOWN too");

            JsonNode behind = json.readTree(get(port, "/actuator/retort").body());
            assertEquals("[\"b2\"]", behind.get("pending").toString());
            JsonNode b2 = behind.get("revisions").get(1);
            assertFalse(b2.get("applied").asBoolean());
            assertTrue(b2.get("appliedAt").isNull(), b2.toString());
        }
    }

    /** An application's own strategy: refuses to migrate when told to, else migrates and remembers it did. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Strategy {
        static final List<String> CALLS = new java.util.concurrent.CopyOnWriteArrayList<>();

        @org.springframework.context.annotation.Bean
        RetortMigrationStrategy refuseInProduction(org.springframework.core.env.Environment env) {
            return migrator -> {
                if (env.getProperty("app.production", Boolean.class, false)) {
                    throw new IllegalStateException("migrations run as a separate step in production");
                }
                CALLS.add("migrate " + migrator.status().pending());
                migrator.migrate();
            };
        }
    }

    @Test
    @DisplayName("lets the application take over the migration with a RetortMigrationStrategy bean")
    void strategy(TestDatabase db) {
        Strategy.CALLS.clear();
        String[] props = {"spring.datasource.url=" + db.url(), "spring.jpa.hibernate.ddl-auto=validate",
            "spring.main.banner-mode=off", "retort.migrations-package=dev.retort.spring.app.migrations",
            "spring.main.web-application-type=none"};
        Exception refused = assertThrows(Exception.class, () -> new SpringApplicationBuilder(StarterApp.class,
                Strategy.class).properties(props).properties("app.production=true").run().close());
        assertTrue(String.valueOf(refused).contains("separate step") || String.valueOf(refused.getCause())
                .contains("separate step"), String.valueOf(refused));
        assertFalse(db.snapshot().toString().contains("reminders"), "the strategy refused: nothing applied");
        new SpringApplicationBuilder(StarterApp.class, Strategy.class).properties(props).run().close();
        assertEquals(List.of("migrate [a1, b2]"), Strategy.CALLS);
        assertEquals(List.of("b2"), heads(db));
    }

    @Test
    @DisplayName("gives up waiting for another instance's migration lock after retort.lock-timeout")
    void lockTimeout(TestDatabase db) throws Exception {
        V1_reminders.hold = new java.util.concurrent.CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        String logging = "org.springframework.boot.logging.LoggingSystem";
        System.setProperty(logging, "none");
        try {
            Future<?> first = pool.submit(() -> start(db).close()); // waits inside a1, holding the lock
            long deadline = System.currentTimeMillis() + 30_000;
            while (!advisoryLockHeld(db) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(advisoryLockHeld(db), "the first instance holds the migration lock");
            Exception e = assertThrows(Exception.class, () -> start(db, "retort.lock-timeout=300ms").close());
            String message = refusal(e).getMessage();
            assertTrue(message.contains("lock timeout"), message);
            V1_reminders.hold.countDown();
            first.get();
        } finally {
            V1_reminders.hold.countDown();
            V1_reminders.hold = null;
            pool.shutdownNow();
            System.clearProperty(logging);
        }
        assertEquals(List.of("b2"), heads(db));
    }

    @Test
    @DisplayName("retries a revision that gave up on a table lock (retort.lock-retries), then refuses start-up naming "
            + "the session that held it, at the revision before")
    void lockRetries(TestDatabase db) throws Exception {
        start(db, "retort.target=a1", "spring.jpa.hibernate.ddl-auto=none").close();
        try (var report = db.connect()) {
            report.setAutoCommit(false);
            int pid;
            try (var st = report.createStatement();
                 var rs = st.executeQuery("SELECT pg_backend_pid() FROM (SELECT count(*) FROM reminders) r")) {
                rs.next();
                pid = rs.getInt(1);
            }
            Exception e = assertThrows(Exception.class, () -> start(db, "retort.lock-timeout=300ms",
                    "retort.lock-retries=1", "retort.lock-retry-delay=50ms").close());
            String message = refusal(e).getMessage();
            assertTrue(message.contains("on each of 2 attempts: pid " + pid + " (user ")
                    && message.contains("idle in transaction"), message);
            assertEquals(List.of("a1"), heads(db));
            report.rollback();
        }
        start(db, "retort.lock-timeout=300ms", "retort.lock-retries=1").close();
        assertEquals(List.of("b2"), heads(db));
    }

    private static boolean advisoryLockHeld(TestDatabase db) {
        try (var c = db.connect(); var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM pg_locks "
                + "l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND l.granted "
                + "AND d.datname = current_database()")) {
            rs.next();
            return rs.getInt(1) > 0;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("migrates in retort.schema with retort.url's login, apart from the application's")
    void schemaAndUrl(TestDatabase db) {
        db.execute("CREATE SCHEMA app");
        try (ConfigurableApplicationContext context = start(db, "retort.schema=app", "retort.url=" + db.url(),
                "retort.version-table=app_version", "spring.jpa.hibernate.ddl-auto=none")) {
            String catalog = db.snapshot("app").toString();
            assertTrue(catalog.contains("table reminders") && catalog.contains("table app_version"), catalog);
            assertFalse(db.snapshot().toString().contains("reminders"), "nothing in public");
        }
    }

    @Test
    @DisplayName("migrates as retort.user on the application's database, owning what it creates")
    void migrationLogin(TestDatabase db) {
        String role = "retort_owner_" + db.name().substring(db.name().length() - 8);
        db.execute("CREATE ROLE " + role + " LOGIN", "GRANT CREATE ON SCHEMA public TO " + role);
        try {
            try (ConfigurableApplicationContext context = start(db, "retort.user=" + role,
                    "spring.jpa.hibernate.ddl-auto=none")) {
                try (var c = db.connect(); var st = c.createStatement(); var rs = st.executeQuery(
                        "SELECT tableowner FROM pg_tables WHERE tablename = 'reminders'")) {
                    assertTrue(rs.next());
                    assertEquals(role, rs.getString(1));
                }
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
        } finally {
            db.execute("DROP OWNED BY " + role, "DROP ROLE " + role);
        }
    }

    @Test
    @DisplayName("does nothing with retort.enabled=false")
    void disabled(TestDatabase db) {
        try (ConfigurableApplicationContext context = start(db, "retort.enabled=false",
                "spring.jpa.hibernate.ddl-auto=none")) {
            assertFalse(context.containsBean("retortMigrationInitializer"));
        }
        assertFalse(db.snapshot().toString().contains("reminders"));
    }
}
