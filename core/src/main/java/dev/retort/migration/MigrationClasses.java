package dev.retort.migration;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Finds migration classes in a package on the class path (directories and jars) and reads their annotations. */
final class MigrationClasses {

    private MigrationClasses() {
    }

    static List<MigrationScript> fromPackage(ClassLoader loader, String packageName) {
        String path = packageName.replace('.', '/');
        TreeSet<String> classNames = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                switch (root.getProtocol()) {
                    case "file" -> scanDirectory(Paths.get(root.toURI()), packageName, classNames);
                    case "jar" -> scanJar(root, path, classNames);
                    default -> throw new RevisionGraphException("Cannot list classes of package " + packageName
                            + " at " + root + "; put the migrations in a directory or jar.");
                }
            }
            // Jars built without directory entries do not answer getResources(package): scan the jars too.
            for (Path jar : jarsOf(loader)) {
                scanJarFile(jar, path, classNames);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list package " + packageName, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : classNames) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new InvalidMigrationException(null, name, "cannot be loaded: " + e, e);
            }
        }
        return scripts(classes, Class::getName);
    }

    /**
     * The migrations among {@code classes}. A top-level class that implements {@link Migration} must carry
     * {@link Revision}; one that carries it must implement {@link Migration}; other classes are helpers.
     */
    static List<MigrationScript> scripts(Collection<Class<?>> classes,
                                         Function<Class<?>, String> sourceOf) {
        List<MigrationScript> out = new ArrayList<>();
        for (Class<?> type : classes) {
            Revision revision = type.getAnnotation(Revision.class);
            boolean isMigration = Migration.class.isAssignableFrom(type);
            boolean concrete = !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
            if (revision == null) {
                if (isMigration && concrete && type.getEnclosingClass() == null) {
                    throw new InvalidMigrationException(null, sourceOf.apply(type),
                            "(class " + type.getName() + ") implements Migration but has no @Revision annotation; "
                                    + "add @Revision(id = \"...\", parent = \"...\") or make it abstract");
                }
                continue;
            }
            if (!isMigration || !concrete) {
                throw new InvalidMigrationException(revision.id(), sourceOf.apply(type),
                        "(class " + type.getName() + ") carries @Revision but is not a concrete Migration");
            }
            @SuppressWarnings("unchecked")
            Class<? extends Migration> migration = (Class<? extends Migration>) type;
            out.add(MigrationScript.of(migration, revision, sourceOf.apply(type)));
        }
        return out;
    }

    private static void scanDirectory(Path dir, String packageName, Collection<String> out) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                String relative = dir.relativize(p).toString().replace('\\', '/');
                String name = packageName + "." + relative.substring(0, relative.length() - 6).replace('/', '.');
                out.add(name);
            });
        }
    }

    /** The jar files of {@code loader} and its ancestors that are URL class loaders, and of the class path. */
    private static List<Path> jarsOf(ClassLoader loader) throws URISyntaxException {
        List<Path> jars = new ArrayList<>();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if (url.getProtocol().equals("file") && url.getPath().endsWith(".jar")) {
                        jars.add(Paths.get(url.toURI()));
                    }
                }
            }
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                jars.add(Paths.get(entry));
            }
        }
        return jars.stream().filter(Files::isRegularFile).distinct().toList();
    }

    private static void scanJarFile(Path jar, String path, Collection<String> out) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            addEntries(file, path, out);
        }
    }

    private static void addEntries(JarFile jar, String path, Collection<String> out) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            if (name.startsWith(path + "/") && name.endsWith(".class")) {
                out.add(name.substring(0, name.length() - 6).replace('/', '.'));
            }
        }
    }

    private static void scanJar(URL root, String path, Collection<String> out) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            addEntries(jar, path, out);
        }
    }
}
