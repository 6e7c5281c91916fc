package dev.retort.migration.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Loading migrations")
class MigrationLoadingTest {

    @TempDir
    Path dir;

    static String source(String pkg, String className, String revision, String body) {
        return "package " + pkg + ";\nimport dev.retort.migration.*;\n" + revision + "\npublic final class " + className
                + " implements Migration {\n" + body + "\n}\n";
    }

    private Path write(String pkg, String className, String revision, String body) throws IOException {
        Path file = dir.resolve("src").resolve(pkg.replace('.', '/')).resolve(className + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source(pkg, className, revision, body));
        return file;
    }

    private static final String EMPTY = "public void upgrade(Operations op) { op.execute(\"SELECT 1\"); }";

    @Test
    @DisplayName("compiles a source folder in memory and reads each revision, naming its file")
    void compilesSources() throws IOException {
        Path a = write("app.m", "A", "@Revision(id = \"a1\", message = \"first\")", EMPTY);
        write("app.m", "B", "@Revision(id = \"b2\", parent = \"a1\", message = \"second\")", EMPTY);
        // a helper class that is not a migration is fine
        Files.writeString(dir.resolve("src/app/m/Helper.java"), "package app.m;\nfinal class Helper { static String x() { return \"x\"; } }\n");
        RevisionGraph graph = RevisionGraph.fromSources(dir.resolve("src"), getClass().getClassLoader());
        assertEquals(List.of("a1", "b2"), graph.all().stream().map(LoadedRevision::id).toList());
        assertEquals(a.toString(), graph.get("a1").source());
        assertEquals("second", graph.get("b2").message());
        assertEquals(1, dev.retort.runtime.RecordingExecutor.record(graph.get("a1").newInstance(), true).size());
    }

    @Test
    @DisplayName("reports compiler errors with file and line")
    void reportsCompileErrors() throws IOException {
        Path broken = write("app.m", "Broken", "@Revision(id = \"a1\")", "public void upgrade(Operations op) { op.nonsense(); }");
        var e = assertThrows(MigrationCompileException.class,
                () -> RevisionGraph.fromSources(dir.resolve("src"), getClass().getClassLoader()));
        assertTrue(e.getMessage().contains(broken + ":5") && e.getMessage().contains("nonsense"), e.getMessage());
    }

    @Test
    @DisplayName("rejects a migration class without @Revision, naming the file")
    void rejectsMissingAnnotation() throws IOException {
        Path file = write("app.m", "NoRev", "", EMPTY);
        var e = assertThrows(InvalidMigrationException.class,
                () -> RevisionGraph.fromSources(dir.resolve("src"), getClass().getClassLoader()));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("@Revision"), e.getMessage());
    }

    @Test
    @DisplayName("loads compiled migrations from a package in a directory and in a jar")
    void loadsFromPackage() throws Exception {
        write("app.m", "A", "@Revision(id = \"a1\")", EMPTY);
        write("app.m", "B", "@Revision(id = \"b2\", parent = \"a1\")", EMPTY);
        write("other", "C", "@Revision(id = \"c3\")", EMPTY);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path")));
        try (Stream<Path> s = Files.walk(dir.resolve("src"))) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            RevisionGraph graph = RevisionGraph.fromPackage(loader, "app.m");
            assertEquals(List.of("a1", "b2"), graph.all().stream().map(LoadedRevision::id).toList());
            assertEquals("app.m.A", graph.get("a1").source());
        }

        Path jar = dir.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> s = Files.walk(classes)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            RevisionGraph graph = RevisionGraph.fromPackage(loader, "app.m");
            assertEquals(List.of("a1", "b2"), graph.all().stream().map(LoadedRevision::id).toList());
        }
    }

    @Test
    @DisplayName("keeps compiled migrations in a cache keyed by their sources, and survives a damaged entry")
    void cachesCompilations() throws IOException {
        Path root = dir.resolve("cache");
        Path cache = root.resolve("compiled");
        String previous = System.getProperty("retort.cache.dir");
        System.setProperty("retort.cache.dir", root.toString());
        try {
            Path a = write("app.m", "A", "@Revision(id = \"a1\", message = \"first\")", EMPTY);
            RevisionGraph first = RevisionGraph.fromSources(dir.resolve("src"), getClass().getClassLoader());
            assertEquals(1, entries(cache).size());
            RevisionGraph second = RevisionGraph.fromSources(dir.resolve("src"), getClass().getClassLoader());
            assertEquals(1, entries(cache).size(), "unchanged sources reuse the entry");
            assertEquals(first.get("a1").source(), second.get("a1").source());
            assertEquals("first", second.get("a1").message());

            Files.writeString(a, Files.readString(a).replace("first", "changed"));
            assertEquals("changed", RevisionGraph.fromSources(dir.resolve("src"), getClass().getClassLoader())
                    .get("a1").message());
            assertEquals(2, entries(cache).size(), "a changed source is a new key");

            for (Path entry : entries(cache)) {
                Files.delete(entry.resolve("app.m.A.class"));
            }
            assertEquals("changed", RevisionGraph.fromSources(dir.resolve("src"), getClass().getClassLoader())
                    .get("a1").message(), "a damaged entry is compiled again");
        } finally {
            if (previous == null) {
                System.clearProperty("retort.cache.dir");
            } else {
                System.setProperty("retort.cache.dir", previous);
            }
        }
    }

    private static List<Path> entries(Path cache) throws IOException {
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("incoming-")).toList();
        }
    }
}
