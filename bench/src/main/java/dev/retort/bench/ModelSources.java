package dev.retort.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The synthetic model of one size on disk: Java sources under {@code src}, compiled in process with
 * {@code javax.tools} into {@code classes}. Compilation is skipped when the classes were built from the very same
 * sources (a SHA-256 stamp), since compile time is not what the benchmark measures.
 */
final class ModelSources {

    private final Path root;
    private final List<EntityModel> entities;

    private ModelSources(Path root, List<EntityModel> entities) {
        this.root = root;
        this.entities = entities;
    }

    /** Writes (or reuses) and compiles the model of {@code n} entities under {@code root}. */
    static ModelSources prepare(Path root, int n) throws IOException {
        List<EntityModel> entities = ModelGenerator.generate(n);
        ModelSources model = new ModelSources(root, entities);
        model.writeAndCompile();
        return model;
    }

    Path root() {
        return root;
    }

    Path sources() {
        return root.resolve("src");
    }

    Path classes() {
        return root.resolve("classes");
    }

    List<EntityModel> entities() {
        return entities;
    }

    /** A fresh loader over the compiled entities, as the command line's {@code --classpath} builds one. */
    URLClassLoader loader(ClassLoader parent) {
        try {
            return new URLClassLoader(new URL[] {classes().toUri().toURL()}, parent);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeAndCompile() throws IOException {
        Path pkg = sources().resolve(ModelGenerator.PACKAGE.replace('.', '/'));
        List<Path> files = new ArrayList<>();
        MessageDigest sha = sha256();
        List<String[]> enums = List.of(ModelGenerator.ENUMS);
        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String[] e : enums) {
            names.add(e[0]);
            texts.add(EntityWriter.enumSource(e));
        }
        for (EntityModel e : entities) {
            names.add(e.className());
            texts.add(EntityWriter.source(e));
        }
        for (int i = 0; i < names.size(); i++) {
            byte[] bytes = texts.get(i).getBytes(StandardCharsets.UTF_8);
            sha.update(names.get(i).getBytes(StandardCharsets.UTF_8));
            sha.update(bytes);
            files.add(pkg.resolve(names.get(i) + ".java"));
        }
        sha.update(System.getProperty("java.version", "").getBytes(StandardCharsets.UTF_8));
        String stamp = HexFormat.of().formatHex(sha.digest());
        Path stampFile = classes().resolve(".bench-stamp");
        if (Files.exists(stampFile) && Files.readString(stampFile).equals(stamp)) {
            return;
        }
        deleteTree(sources());
        deleteTree(classes());
        Files.createDirectories(pkg);
        Files.createDirectories(classes());
        for (int i = 0; i < files.size(); i++) {
            Files.writeString(files.get(i), texts.get(i));
        }
        compile(files);
        Files.writeString(stampFile, stamp);
    }

    private void compile(List<Path> files) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("No Java compiler: run the benchmark on a JDK, not a JRE.");
        }
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            List<String> options = List.of("-d", classes().toString(), "-classpath",
                    System.getProperty("java.class.path"), "-proc:none", "-nowarn", "-Xlint:none", "-g:none",
                    "-encoding", "UTF-8", "--release", "17");
            boolean ok = javac.getTask(diagnostics, fm, null, options, null, units).call();
            if (!ok) {
                throw new IllegalStateException("The synthetic model in " + sources() + " does not compile:\n"
                        + diagnostics.toString().lines().limit(40).reduce("", (a, b) -> a + b + "\n"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
