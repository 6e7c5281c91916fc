package dev.retort.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The application's own settings")
class ApplicationSettingsTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    @DisplayName("come from application.yml: naming, spring.jpa.properties, the datasource, each with its file")
    void yaml() throws IOException {
        Path file = write("classes/application.yml", """
                spring:
                  datasource:
                    url: jdbc:postgresql://localhost:5432/shop
                    username: shop
                    password: s3cret
                  jpa:
                    hibernate:
                      naming:
                        physicalStrategy: com.acme.Physical
                    properties:
                      hibernate:
                        default_schema: sales
                        globally_quoted_identifiers: true
                        connection.pool_size: 3
                """);
        ApplicationSettings s = ApplicationSettings.read(List.of(dir.resolve("classes")), Map.of());
        assertEquals("com.acme.Physical", s.physicalNaming().value());
        assertEquals("spring.jpa.hibernate.naming.physicalStrategy in " + file, s.physicalNaming().origin());
        assertNull(s.implicitNaming());
        assertEquals("sales", s.hibernate().get("hibernate.default_schema").value());
        assertEquals("spring.jpa.properties.hibernate.default_schema in " + file,
                s.hibernate().get("hibernate.default_schema").origin());
        assertEquals("true", s.hibernate().get("hibernate.globally_quoted_identifiers").value());
        assertEquals(2, s.hibernate().size(), "connection settings are not DDL settings: " + s.hibernate());
        assertEquals("jdbc:postgresql://localhost:5432/shop", s.datasource().url().value());
        assertEquals("shop", s.datasource().user().value());
        assertEquals("s3cret", s.datasource().password().value());
    }

    @Test
    @DisplayName("follow the active profiles: profile documents and application-PROFILE files override the base")
    void profiles() throws IOException {
        write("c/application.yml", """
                spring:
                  profiles:
                    active: dev
                  jpa.properties.hibernate.default_schema: base
                  datasource.url: jdbc:postgresql://localhost/base
                ---
                spring:
                  config.activate.on-profile: dev
                  jpa.properties.hibernate.default_schema: from_dev_document
                ---
                spring:
                  config.activate.on-profile: prod
                  datasource.url: jdbc:postgresql://prod/never
                """);
        Path devFile = write("c/application-dev.properties", "spring.datasource.url=jdbc:postgresql://localhost/dev\n");
        ApplicationSettings s = ApplicationSettings.read(List.of(dir.resolve("c")), Map.of());
        assertEquals("from_dev_document", s.hibernate().get("hibernate.default_schema").value());
        assertTrue(s.hibernate().get("hibernate.default_schema").origin().endsWith("(the document for profile dev)"),
                s.hibernate().get("hibernate.default_schema").origin());
        assertEquals("jdbc:postgresql://localhost/dev", s.datasource().url().value());
        assertEquals("spring.datasource.url in " + devFile, s.datasource().url().origin());

        ApplicationSettings prod = ApplicationSettings.read(List.of(dir.resolve("c")),
                Map.of("SPRING_PROFILES_ACTIVE", "prod"));
        assertEquals("jdbc:postgresql://prod/never", prod.datasource().url().value(),
                "SPRING_PROFILES_ACTIVE beats spring.profiles.active");
        assertEquals("base", prod.hibernate().get("hibernate.default_schema").value());
    }

    @Test
    @DisplayName("resolve ${NAME:default} placeholders from the files and the environment, and leave out what nothing resolves")
    void placeholders() throws IOException {
        write("c/application.properties", """
                db.host=${DB_HOST:localhost}
                spring.datasource.url=jdbc:postgresql://${db.host}:5432/${DB_NAME}
                spring.datasource.username=${DB_USER:app}
                spring.jpa.properties.hibernate.default_schema=${SCHEMA}
                spring.jpa.properties[hibernate.auto_quote_keyword]=true
                a=${b}
                b=${a}
                spring.jpa.properties.hibernate.cycle=${a}
                """);
        ApplicationSettings s = ApplicationSettings.read(List.of(dir.resolve("c")),
                Map.of("DB_HOST", "db.internal", "DB_NAME", "orders"));
        assertEquals("jdbc:postgresql://db.internal:5432/orders", s.datasource().url().value());
        assertEquals("app", s.datasource().user().value());
        assertNull(s.datasource().password());
        assertEquals("true", s.hibernate().get("hibernate.auto_quote_keyword").value(), "bracketed map keys");
        assertNull(s.hibernate().get("hibernate.default_schema"), "unresolved: left out");
        assertNull(s.hibernate().get("hibernate.cycle"), "a placeholder cycle ends unresolved");
        assertTrue(s.notes().stream().anyMatch(n -> n.startsWith("spring.jpa.properties.hibernate.default_schema in ")
                && n.contains("nothing sets ${SCHEMA}")), s.notes().toString());
    }

    @Test
    @DisplayName("come from persistence.xml when there is no Spring Boot file, the first unit's, inside a jar too")
    void persistenceXml() throws IOException {
        Path jar = dir.resolve("model.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("META-INF/persistence.xml"));
            out.write("""
                    <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                      <persistence-unit name="orders">
                        <properties>
                          <property name="jakarta.persistence.jdbc.url" value="jdbc:postgresql://localhost/orders"/>
                          <property name="jakarta.persistence.jdbc.user" value="orders"/>
                          <property name="hibernate.physical_naming_strategy" value="com.acme.Physical"/>
                          <property name="hibernate.default_schema" value="ops"/>
                          <property name="hibernate.connection.pool_size" value="4"/>
                        </properties>
                      </persistence-unit>
                      <persistence-unit name="reports"/>
                    </persistence>
                    """.getBytes());
            out.closeEntry();
        }
        ApplicationSettings s = ApplicationSettings.read(List.of(jar), Map.of());
        assertEquals("com.acme.Physical", s.physicalNaming().value());
        assertEquals(Map.of("hibernate.default_schema", "ops"),
                Map.of("hibernate.default_schema", s.hibernate().get("hibernate.default_schema").value()));
        assertEquals(1, s.hibernate().size(), s.hibernate().toString());
        assertEquals("hibernate.default_schema of persistence unit 'orders' in " + jar + "!/META-INF/persistence.xml",
                s.hibernate().get("hibernate.default_schema").origin());
        assertEquals("jdbc:postgresql://localhost/orders", s.datasource().url().value());
        assertEquals("orders", s.datasource().user().value());
        assertTrue(s.notes().get(0).contains("has 2 persistence units; the settings of the first, 'orders', are used"),
                s.notes().toString());
    }

    @Test
    @DisplayName("give Spring Boot's default naming when Boot's Hibernate support is on the class path and nothing names one")
    void springBootDefault() throws IOException {
        Path boot = dir.resolve("spring-boot-hibernate-4.0.7.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(boot))) {
            for (String name : List.of("org/springframework/boot/SpringApplication.class",
                    "org/springframework/boot/hibernate/autoconfigure/HibernateJpaAutoConfiguration.class")) {
                out.putNextEntry(new ZipEntry(name));
                out.closeEntry();
            }
        }
        write("c/application.properties", "spring.jpa.hibernate.naming.implicit-strategy=com.acme.Implicit\n");
        ApplicationSettings s = ApplicationSettings.read(List.of(dir.resolve("c"), boot), Map.of());
        assertEquals("spring", s.physicalNaming().value());
        assertEquals("Spring Boot's default, as spring-boot-hibernate-4.0.7.jar is on the class path",
                s.physicalNaming().origin());
        assertEquals("com.acme.Implicit", s.implicitNaming().value(), "what the application says wins");

        ApplicationSettings without = ApplicationSettings.read(List.of(dir.resolve("c")), Map.of());
        assertNull(without.physicalNaming(), "no Spring Boot, no Spring default");
    }

    @Test
    @DisplayName("name the file and line of a broken application.yml")
    void brokenYaml() throws IOException {
        Path file = write("c/application.yml", "spring:\n  jpa: [unclosed\n");
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ApplicationSettings.read(List.of(dir.resolve("c")), Map.of()));
        assertTrue(e.getMessage().startsWith(file + ":") && e.getMessage().contains("is not valid YAML"), e.getMessage());
    }

}
