package dev.retort.hibernate;

import static dev.retort.hibernate.CatalogDiff.assertSameCatalog;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.SequenceOptions;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(FreshDatabase.class)
class HibernateSchemaReaderTest {

    static final String RICH = "dev.retort.fixtures.rich";
    static final String SPRING = "dev.retort.fixtures.spring";
    static final String KEYWORDS = "dev.retort.fixtures.keywords";

    private static final String SNAKE_CASE = "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";
    private static final String SPRING_IMPLICIT = SpringImplicitNamingStrategy.class.getName();
    private static final ClassLoader LOADER = HibernateSchemaReaderTest.class.getClassLoader();

    private final HibernateSchemaReader reader = new HibernateSchemaReader();

    /** Package, naming as the reader gets it, naming as Hibernate (the oracle) gets it, further settings. */
    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of(RICH, NamingSettings.DEFAULT, null, null, Map.of()),
                Arguments.of(RICH, NamingSettings.DEFAULT, null, null,
                        Map.of("hibernate.globally_quoted_identifiers", "true")),
                Arguments.of(SPRING, NamingSettings.SPRING, SNAKE_CASE, SPRING_IMPLICIT, Map.of()),
                Arguments.of(SPRING, new NamingSettings(SNAKE_CASE, SPRING_IMPLICIT), SNAKE_CASE, SPRING_IMPLICIT,
                        Map.of()),
                Arguments.of(SPRING, NamingSettings.DEFAULT, null, null, Map.of()),
                Arguments.of(KEYWORDS, NamingSettings.DEFAULT, null, null,
                        Map.of("hibernate.auto_quote_keyword", "true")));
    }

    @ParameterizedTest(name = "{0} with naming {1} and settings {4}")
    @MethodSource("models")
    @DisplayName("creates the same catalog as Hibernate's own DDL for the same entities")
    void createsTheSameCatalogAsHibernate(String entityPackage, NamingSettings naming, String oraclePhysical,
                                          String oracleImplicit, Map<String, String> settings, TestDatabase hibernate) {
        HibernateOracle.create(hibernate, entityPackage, oraclePhysical, oracleImplicit, settings);
        Schema schema = reader.read(new EntitySource(dev.retort.autogenerate.postgres.PostgresNames.INSTANCE, LOADER, List.of(entityPackage), naming, settings));
        try (TestDatabase retort = TestDatabase.create()) {
            SchemaApplier.apply(retort, schema);
            assertSameCatalog(hibernate.snapshot(), retort.snapshot());
        }
    }

    @Test
    @DisplayName("reads offline for PostgreSQL 15, ignoring the application's connection settings")
    void readsOffline() {
        EntitySource source = EntitySource.of(dev.retort.autogenerate.postgres.PostgresNames.INSTANCE, LOADER, SPRING).withSettings(Map.of(
                "jakarta.persistence.jdbc.url", "jdbc:postgresql://127.0.0.1:9/nowhere",
                "hibernate.connection.url", "jdbc:postgresql://127.0.0.1:9/nowhere",
                "hibernate.dialect", "org.hibernate.dialect.H2Dialect"));
        QuietHibernate quiet = QuietHibernate.start();
        try (quiet; OfflineMetadata offline = OfflineMetadata.build(source, EntityClasses.scan(LOADER, List.of(SPRING)))) {
            Dialect dialect = offline.metadata().getDatabase().getDialect();
            assertEquals(PostgreSQLDialect.class, dialect.getClass());
            assertEquals(15, dialect.getVersion().getDatabaseMajorVersion());
        }
        assertEquals(5, reader.read(source).tables().size());
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("the rich model reads as")
    class RichModel {

        private Schema schema;

        @BeforeAll
        void read() {
            schema = new HibernateSchemaReader().read(EntitySource.of(dev.retort.autogenerate.postgres.PostgresNames.INSTANCE, LOADER, RICH));
        }

        private Table table(String name) {
            return schema.table(name).orElseThrow(() -> new AssertionError("no table " + name + " in "
                    + schema.tables().stream().map(Table::name).toList()));
        }

        private Column column(String table, String name) {
            return table(table).column(name).orElseThrow(() -> new AssertionError("no column " + table + "." + name));
        }

        @Test
        @DisplayName("a check constraint for an @Enumerated(STRING) column")
        void enumStringColumnHasItsCheck() {
            assertTrue(table("task").checks().contains(
                    new CheckConstraint(null, "status in ('OPEN','IN_PROGRESS','DONE','CANCELLED')")),
                    table("task").checks().toString());
        }

        @Test
        @DisplayName("unnamed primary keys, inline uniques and column checks; Hibernate's names elsewhere")
        void constraintNames() {
            assertAll(
                    () -> assertNull(table("project").primaryKey().name()),
                    () -> assertEquals(List.of("user_id", "organization_id"), table("membership").primaryKey().columns()),
                    () -> assertEquals(List.of(UniqueConstraint.of(null, "name")), table("label").uniqueConstraints()),
                    () -> assertEquals(List.of(UniqueConstraint.of("uk_user_email", "email")),
                            table("user").uniqueConstraints()),
                    () -> assertTrue(table("project").checks().stream().anyMatch(c ->
                            "ck_project_dates".equals(c.name()))),
                    () -> assertTrue(table("project").foreignKeys().stream().allMatch(f ->
                            f.name().matches("fk[0-9a-z]{20,}"))));
        }

        @Test
        @DisplayName("unquoted names in lower case, quoted names as written")
        void namesFoldLikePostgres() {
            assertAll(
                    () -> table("appsetting"),
                    () -> table("TaskComment"),
                    () -> column("TaskComment", "postedAt"),
                    () -> table("user"),
                    () -> table("order"),
                    () -> column("order", "user"));
        }

        @Test
        @DisplayName("column types exactly as Hibernate writes them for PostgreSQL")
        void columnTypes() {
            assertAll(
                    () -> assertEquals("varchar(320)", column("user", "email").type().sql()),
                    () -> assertEquals("timestamp(6) with time zone", column("user", "created_at").type().sql()),
                    () -> assertEquals("numeric(12,2)", column("project", "budget").type().sql()),
                    () -> assertEquals("uuid", column("organization", "id").type().sql()),
                    () -> assertEquals("jsonb", column("user", "preferences").type().sql()),
                    () -> assertEquals("bytea", column("user", "password_hash").type().sql()),
                    () -> assertEquals("text", column("user", "biography").type().sql()),
                    () -> assertEquals("float(53)", column("task", "estimate").type().sql()),
                    () -> assertEquals("severity", column("task", "severity").type().sql()));
        }

        @Test
        @DisplayName("identity columns, defaults, nullability and comments")
        void columnDetails() {
            assertAll(
                    () -> assertEquals(Identity.generatedByDefault(), column("user", "id").identity()),
                    () -> assertEquals("'PENDING'", column("user", "status").defaultValue().sql()),
                    () -> assertEquals("now()", column("project", "created_at").defaultValue().sql()),
                    () -> assertTrue(column("project", "updated_at").isNullable()),
                    () -> assertEquals(false, column("project", "name").isNullable()),
                    () -> assertEquals("People who can log in", table("user").comment()),
                    () -> assertEquals("When the order was placed", column("order", "placed_at").comment()));
        }

        @Test
        @DisplayName("sequences with Hibernate's start and increment, and the named enum type")
        void sequencesAndEnums() {
            assertAll(
                    () -> assertEquals(List.of("billing_id_seq", "label_seq", "project_id_seq", "task_seq"),
                            schema.sequences().stream().map(Sequence::name).toList()),
                    () -> assertEquals(new SequenceOptions(100L, 20L, null, null, null, null),
                            schema.sequences().get(2).options()),
                    () -> assertEquals(new SequenceOptions(1L, 50L, null, null, null, null),
                            schema.sequences().get(1).options()),
                    () -> assertEquals(List.of(EnumType.of("severity", "CRITICAL", "HIGH", "LOW", "MEDIUM")),
                            schema.enumTypes()));
        }

        @Test
        @DisplayName("foreign keys with their referenced columns and @OnDelete actions")
        void foreignKeys() {
            ForeignKey toOrganization = table("project").foreignKeys().get(0);
            assertAll(
                    () -> assertEquals(List.of("organization_id"), toOrganization.columns()),
                    () -> assertEquals("organization", toOrganization.referencedTable()),
                    () -> assertEquals(List.of("id"), toOrganization.referencedColumns()),
                    () -> assertEquals(ReferentialAction.CASCADE, toOrganization.onDelete()),
                    () -> assertTrue(table("task").foreignKeys().stream().anyMatch(f ->
                            f.columns().equals(List.of("assignee_id")) && f.onDelete() == ReferentialAction.SET_NULL)),
                    () -> assertTrue(table("task").foreignKeys().stream().anyMatch(f ->
                            f.columns().equals(List.of("project_id")) && f.onDelete() == ReferentialAction.NO_ACTION)));
        }

        @Test
        @DisplayName("no table for a @Subselect entity or an abstract table-per-class root")
        void onlyTablesHibernateCreates() {
            assertAll(
                    () -> assertTrue(schema.table("projectsummary").isEmpty()),
                    () -> assertTrue(schema.table("document").isEmpty()),
                    () -> table("invoice"));
        }
    }

    @Nested
    @DisplayName("reports bad input")
    class BadInput {

        @Test
        @DisplayName("an entity Hibernate rejects, naming it")
        void rejectedEntity() {
            EntityMappingException e = assertThrows(EntityMappingException.class,
                    () -> reader.read(EntitySource.of(dev.retort.autogenerate.postgres.PostgresNames.INSTANCE, LOADER, "dev.retort.fixtures.broken.noid")));
            assertEquals("dev.retort.fixtures.broken.noid.Orphan", e.culprit());
            assertTrue(e.getMessage().contains("dev.retort.fixtures.broken.noid.Orphan"), e.getMessage());
        }

        @Test
        @DisplayName("a mapping the schema model cannot describe, naming the entity")
        void unsupportedMapping() {
            EntityMappingException e = assertThrows(EntityMappingException.class,
                    () -> reader.read(EntitySource.of(dev.retort.autogenerate.postgres.PostgresNames.INSTANCE, LOADER, "dev.retort.fixtures.broken.options")));
            assertTrue(e.getMessage().contains("dev.retort.fixtures.broken.options.Word"), e.getMessage());
            assertTrue(e.getMessage().contains("table options"), e.getMessage());
        }

        @Test
        @DisplayName("a columnDefinition clause the schema model cannot describe, naming the entity and the clause")
        void unsupportedColumnDefinition() {
            EntityMappingException e = assertThrows(EntityMappingException.class,
                    () -> reader.read(EntitySource.of(dev.retort.autogenerate.postgres.PostgresNames.INSTANCE, LOADER, "dev.retort.fixtures.broken.compression")));
            assertTrue(e.getMessage().contains("dev.retort.fixtures.broken.compression.Invoice"), e.getMessage());
            assertTrue(e.getMessage().contains("\"compression pglz\" in the columnDefinition of column notes"),
                    e.getMessage());
        }

        @Test
        @DisplayName("a package without entities, naming the package and the class path")
        void noEntity() {
            EntityMappingException e = assertThrows(EntityMappingException.class,
                    () -> reader.read(EntitySource.of(dev.retort.autogenerate.postgres.PostgresNames.INSTANCE, LOADER, "dev.retort.fixtures.empty", "com.example.none")));
            assertTrue(e.getMessage().contains("dev.retort.fixtures.empty, com.example.none"), e.getMessage());
            assertTrue(e.getMessage().contains("class path"), e.getMessage());
        }

        @Test
        @DisplayName("a class that cannot be loaded, naming it")
        void classThatDoesNotLoad(@TempDir Path dir) throws Exception {
            ClassLoader loader = BrokenClasses.entityWithMissingSuperclass(dir);
            EntityMappingException e = assertThrows(EntityMappingException.class,
                    () -> reader.read(EntitySource.of(dev.retort.autogenerate.postgres.PostgresNames.INSTANCE, loader, BrokenClasses.PACKAGE)));
            assertEquals(BrokenClasses.ENTITY, e.culprit());
            assertTrue(e.getMessage().contains(BrokenClasses.MISSING), e.getMessage());
        }

        @Test
        @DisplayName("a naming strategy that does not exist, naming it")
        void unknownNamingStrategy() {
            EntityMappingException e = assertThrows(EntityMappingException.class, () -> reader.read(
                    EntitySource.of(dev.retort.autogenerate.postgres.PostgresNames.INSTANCE, LOADER, SPRING).withNaming(new NamingSettings("com.example.NoSuchStrategy", null))));
            assertTrue(e.getMessage().contains("com.example.NoSuchStrategy"), e.getMessage());
        }
    }

    @Test
    @DisplayName("prints and logs nothing while reading")
    void readsQuietly() {
        List<LogRecord> records = new ArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        recorder.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        root.addHandler(recorder);
        try (PrintStream capture = new PrintStream(printed, true)) {
            System.setOut(capture);
            System.setErr(capture);
            reader.read(EntitySource.of(dev.retort.autogenerate.postgres.PostgresNames.INSTANCE, LOADER, RICH));
            reader.read(EntitySource.of(dev.retort.autogenerate.postgres.PostgresNames.INSTANCE, LOADER, SPRING).withNaming(NamingSettings.SPRING));
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.removeHandler(recorder);
        }
        assertEquals("", printed.toString());
        assertEquals(List.of(), records.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
    }
}
