package dev.retort.migration.internal;

import dev.retort.FileAccessException;
import dev.retort.migration.Migration;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles a folder of migration sources in memory with {@code javax.tools}, so a freshly generated
 * migration runs without a build step. Classes compile against the running class path (which holds
 * Retort's own API). Unchanged sources are not compiled twice: see {@link CompileCache}.
 */
final class MigrationSources {

    private MigrationSources() {
    }

    static List<LoadedRevision> compile(Path directory, ClassLoader parent) {
        List<Path> sources = sources(directory);
        if (sources.isEmpty()) {
            return List.of();
        }
        Map<Path, byte[]> texts = new LinkedHashMap<>();
        for (Path source : sources) {
            try {
                texts.put(source, Files.readAllBytes(source));
            } catch (IOException e) {
                throw new FileAccessException("read the migration source", source, e, "Make it readable, or "
                        + "move it out of the migrations folder.");
            }
        }
        String classpath = compileClasspath();
        CompileCache cache = CompileCache.configured();
        String key = null;
        CompileCache.Compiled compiled = null;
        if (cache != null) {
            try {
                key = CompileCache.key(directory, texts, classpath);
                compiled = cache.load(key);
            } catch (IOException | UncheckedIOException e) {
                cache = null; // a class path entry that cannot be digested only costs the cache
            }
        }
        if (compiled == null) {
            compiled = javac(directory, sources, classpath);
            if (cache != null) {
                cache.store(key, compiled);
            }
        }
        Map<String, String> sourceOf = compiled.sourceOf();
        MemoryClassLoader loader = new MemoryClassLoader(parent, compiled.classes());
        List<Class<?>> classes = new ArrayList<>();
        for (String name : compiled.classes().keySet().stream().sorted().toList()) {
            try {
                classes.add(loader.loadClass(name));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("compiled class vanished: " + name, e);
            }
        }
        return MigrationClasses.loadedRevisions(classes, type -> sourceOf.getOrDefault(type.getName(), type.getName()));
    }

    /**
     * The running class path, plus wherever Retort's migration API was loaded from when that is not on it: inside
     * a Maven plugin or an application server, {@code java.class.path} is the launcher's alone.
     */
    static String compileClasspath() {
        String classpath = System.getProperty("java.class.path", "");
        try {
            java.security.CodeSource source = Migration.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
                String api = Path.of(source.getLocation().toURI()).toString();
                if (!List.of(classpath.split(File.pathSeparator)).contains(api)) {
                    classpath = classpath.isEmpty() ? api : classpath + File.pathSeparator + api;
                }
            }
        } catch (java.net.URISyntaxException | SecurityException e) {
            // the running class path alone, as before
        }
        return classpath;
    }

    /** The {@code .java} files under {@code directory}, sorted; fails naming the folder when it is not one. */
    private static List<Path> sources(Path directory) {
        if (!Files.isDirectory(directory)) {
            Path blocker = FileAccessException.fileInTheWay(directory);
            String point = "point --migrations / migrations.directory in retort.yaml at ";
            if (blocker == null) {
                throw new RevisionGraphException("The migrations folder " + directory + " does not exist. Create it "
                        + "(retort init does), or " + point + "it.");
            }
            throw new RevisionGraphException("The migrations folder " + directory
                    + (blocker.equals(directory.toAbsolutePath()) ? " is a file, not a folder"
                        : " cannot exist: " + blocker + " is a file")
                    + ". Correct the path: " + point + "the folder of the migration sources.");
        }
        String advice = "Make it and its subfolders readable, or point --migrations / migrations.directory "
                + "elsewhere.";
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new FileAccessException("read the migrations folder", directory, e, advice);
        } catch (UncheckedIOException e) {
            throw new FileAccessException("read the migrations folder", directory, e.getCause(), advice);
        }
    }

    /** Compiles {@code sources} in memory; fails with the compiler's diagnostics, file and line included. */
    private static CompileCache.Compiled javac(Path directory, List<Path> sources, String classpath) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new RevisionGraphException("Compiling the migrations in " + directory + " needs a JDK, but "
                    + System.getProperty("java.home") + " is a JRE. Run Retort with a JDK, or compile the "
                    + "migrations and load them with --migrations-package.");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8);
        MemoryFileManager files = new MemoryFileManager(standard);
        List<String> options = List.of("-proc:none", "-g", "-nowarn", "-encoding", "UTF-8",
                "-classpath", classpath);
        boolean ok;
        try {
            ok = compiler.getTask(null, files, diagnostics, options, null,
                    standard.getJavaFileObjectsFromPaths(sources)).call();
        } finally {
            try {
                files.close();
            } catch (IOException ignored) {
                // in-memory: nothing to release
            }
        }
        if (!ok) {
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    String where = d.getSource() == null ? "" : Path.of(d.getSource().toUri()) + ":" + d.getLineNumber() + ": ";
                    errors.add(where + d.getMessage(Locale.ROOT));
                }
            }
            throw new MigrationCompileException(directory.toString(), errors);
        }
        return new CompileCache.Compiled(files.classes, files.sourceOf);
    }


    /** Keeps class files in memory and remembers which source file produced each. */
    private static final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        final Map<String, byte[]> classes = new HashMap<>();
        final Map<String, String> sourceOf = new HashMap<>();

        MemoryFileManager(StandardJavaFileManager delegate) {
            super(delegate);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) {
            if (location != StandardLocation.CLASS_OUTPUT || kind != JavaFileObject.Kind.CLASS) {
                throw new IllegalStateException("unexpected output " + location + " " + className);
            }
            if (sibling != null) {
                sourceOf.put(className, new File(sibling.toUri()).getPath());
            }
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                            classes.put(className, toByteArray());
                        }
                    };
                }
            };
        }
    }

    /** Defines the compiled classes, delegating everything else to the parent. */
    private static final class MemoryClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        MemoryClassLoader(ClassLoader parent, Map<String, byte[]> classes) {
            super(parent);
            this.classes = classes;
        }

        /** Child first for the compiled classes, so a stale copy on the class path never shadows the source. */
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!classes.containsKey(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
