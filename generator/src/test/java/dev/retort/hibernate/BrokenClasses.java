package dev.retort.hibernate;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles an entity whose superclass is then deleted, so that loading the entity fails. */
final class BrokenClasses {

    static final String PACKAGE = "com.example.broken";
    static final String ENTITY = PACKAGE + ".Child";
    static final String MISSING = PACKAGE + ".Base";

    private BrokenClasses() {
    }

    static ClassLoader entityWithMissingSuperclass(Path dir) throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src/com/example/broken"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(sources.resolve("Base.java"), "package com.example.broken;\n"
                + "@jakarta.persistence.MappedSuperclass public class Base { @jakarta.persistence.Id Long id; }\n");
        Files.writeString(sources.resolve("Child.java"), "package com.example.broken;\n"
                + "@jakarta.persistence.Entity public class Child extends Base { String name; }\n");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"),
                sources.resolve("Base.java").toString(), sources.resolve("Child.java").toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed: " + status);
        }
        Files.delete(classes.resolve("com/example/broken/Base.class"));
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, BrokenClasses.class.getClassLoader());
    }

}
