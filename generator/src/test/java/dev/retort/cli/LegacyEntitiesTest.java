package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testkit.FreshDatabase;
import dev.retort.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Entities written for a Hibernate Retort cannot read are refused with what to do, not "no entities found". */
@ExtendWith(FreshDatabase.class)
@DisplayName("Entities for Hibernate 5")
class LegacyEntitiesTest {

    @Test
    @DisplayName("(javax.persistence) are refused naming an entity, the Hibernate Retort reads with and the way out")
    void javaxEntities(TestDatabase db) throws IOException {
        try (Project p = Project.create(db)) {
            Path src = p.root().resolve("src");
            Path annotation = src.resolve("javax/persistence/Entity.java");
            Path entity = src.resolve("com/legacy/Customer.java");
            Files.createDirectories(annotation.getParent());
            Files.createDirectories(entity.getParent());
            // javax.persistence's @Entity as the JPA 2 jar declares it, for a class file that names it.
            Files.writeString(annotation, """
                    package javax.persistence;
                    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                    public @interface Entity { }
                    """);
            Files.writeString(entity, "package com.legacy;\n@javax.persistence.Entity public class Customer { Long id; }\n");
            Path classes = p.root().resolve("classes");
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), annotation.toString(),
                    entity.toString()));

            Cli.Result check = p.run("--classpath", "classes", "--package", "com.legacy", "check");
            assertEquals(2, check.exit(), check::toString);
            assertTrue(check.err().contains("(such as com.legacy.Customer) are javax.persistence entities, for "
                    + "Hibernate 5 and JPA 2") && check.err().contains("Move the application to Jakarta Persistence "
                    + "first"), check::toString);
            assertEquals(1, check.err().lines().filter(l -> !l.isBlank()).count(), "one paragraph: " + check);
            assertTrue(List.of(check.out()).get(0).isEmpty(), check::toString);
        }
    }
}
