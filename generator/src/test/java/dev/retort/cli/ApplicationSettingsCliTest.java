package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.hibernate.HibernateOracle;
import dev.retort.hibernate.SpringImplicitNamingStrategy;
import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application's own files (application.yml, persistence.xml) on the entities' class path shape what
 * check and generate compare, and retort.yaml wins where both speak: held against the database Hibernate itself
 * creates with the same settings.
 */
@ExtendWith(FreshDatabase.class)
@DisplayName("The application's own Hibernate settings")
class ApplicationSettingsCliTest {

    private static final String SNAKE_CASE = "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl";
    private static final String PACKAGE = "dev.retort.fixtures.spring";

    /** A retort.yaml with no database and no naming: everything else comes from the application. */
    private static void bareConfig(Project p, String entitiesExtra) {
        p.writeConfig("""
                migrations:
                  directory: migrations
                  package: %s
                entities:
                  packages: [%s]
                %s
                """.formatted(Project.PACKAGE, PACKAGE, entitiesExtra.indent(2).stripTrailing()));
    }

    @Test
    @DisplayName("application.yml's naming, Hibernate settings and datasource: check is clean on Hibernate's own schema")
    void applicationYaml(TestDatabase db) throws IOException {
        db.execute("CREATE SCHEMA sales");
        HibernateOracle.create(db, ApplicationSettingsCliTest.class.getClassLoader(), PACKAGE, SNAKE_CASE,
                SpringImplicitNamingStrategy.class.getName(), Map.of("hibernate.default_schema", "sales"));
        try (Project p = Project.create(db)) {
            bareConfig(p, "");
            Path classes = p.root().resolve("target/classes");
            Files.createDirectories(classes);
            Files.writeString(classes.resolve("application.yml"), """
                    spring:
                      datasource:
                        url: %s
                        password: hunter2
                      jpa:
                        hibernate.naming:
                          physical-strategy: %s
                          implicit-strategy: %s
                        properties:
                          hibernate.default_schema: sales
                    """.formatted(db.url(), SNAKE_CASE, SpringImplicitNamingStrategy.class.getName()));
            Cli.Result check = p.run("--classpath", "target/classes", "check", "--verbose");
            assertEquals(0, check.exit(), check::toString);
            assertEquals("No changes detected.\n", check.out(), check::toString);
            Path yml = classes.resolve("application.yml");
            assertTrue(check.err().contains("setting: naming.physical = " + SNAKE_CASE
                    + " (spring.jpa.hibernate.naming.physical-strategy in " + yml + ")"), check::toString);
            assertTrue(check.err().contains("setting: hibernate.default_schema = sales "
                    + "(spring.jpa.properties.hibernate.default_schema in " + yml + ")"), check::toString);
            assertTrue(check.err().contains("setting: database = " + db.url()) && check.err().contains(
                    "(spring.datasource.url in " + yml + ")"), check::toString);
            assertFalse(check.all().contains("hunter2"), "the password is never shown: " + check);

            // retort.yaml wins: Hibernate's default naming makes every camelCase name a change.
            bareConfig(p, "naming: {physical: default, implicit: default}");
            Cli.Result overridden = p.run("--classpath", "target/classes", "check", "--verbose");
            assertEquals(1, overridden.exit(), overridden::toString);
            assertTrue(overridden.err().contains("setting: naming.physical = default (entities.naming.physical in "
                    + p.config() + "; it wins over spring.jpa.hibernate.naming.physical-strategy in " + yml + ")"),
                    overridden::toString);
        }
    }

    @Test
    @DisplayName("Spring Boot on the class path brings its default naming, and persistence.xml its settings")
    void springBootDefaultAndPersistenceXml(TestDatabase db) throws IOException {
        HibernateOracle.create(db, ApplicationSettingsCliTest.class.getClassLoader(), PACKAGE, SNAKE_CASE,
                SpringImplicitNamingStrategy.class.getName(), Map.of("hibernate.globally_quoted_identifiers", "true"));
        try (Project p = Project.create(db)) {
            bareConfig(p, "");
            Path boot = p.root().resolve("lib/spring-boot-hibernate-4.0.7.jar");
            Files.createDirectories(boot.getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(boot))) {
                for (String name : List.of("org/springframework/boot/SpringApplication.class",
                        "org/springframework/boot/hibernate/autoconfigure/HibernateJpaAutoConfiguration.class")) {
                    out.putNextEntry(new ZipEntry(name));
                    out.closeEntry();
                }
            }
            Path meta = p.root().resolve("target/classes/META-INF");
            Files.createDirectories(meta);
            Files.writeString(meta.resolve("persistence.xml"), """
                    <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                      <persistence-unit name="shop">
                        <properties>
                          <property name="jakarta.persistence.jdbc.url" value="%s"/>
                          <property name="hibernate.globally_quoted_identifiers" value="true"/>
                        </properties>
                      </persistence-unit>
                    </persistence>
                    """.formatted(db.url().replace("&", "&amp;")));
            String cp = "target/classes" + java.io.File.pathSeparator + "lib/spring-boot-hibernate-4.0.7.jar";
            Cli.Result check = p.run("--classpath", cp, "check", "--verbose");
            assertEquals(0, check.exit(), check::toString);
            assertTrue(check.err().contains("setting: naming.implicit = spring (Spring Boot's default, as "
                    + "spring-boot-hibernate-4.0.7.jar is on the class path)"), check::toString);
            assertTrue(check.err().contains("setting: hibernate.globally_quoted_identifiers = true "
                    + "(hibernate.globally_quoted_identifiers of persistence unit 'shop' in "
                    + meta.resolve("persistence.xml") + ")"), check::toString);
        }
    }
}
