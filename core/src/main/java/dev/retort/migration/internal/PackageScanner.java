package dev.retort.migration.internal;

import dev.retort.FileAccessException;
import dev.retort.RetortException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
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
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the classes of a package (and its subpackages) visible to a class loader, from directories and jars,
 * without loading them. Used for migration packages and for entity packages alike.
 */
public final class PackageScanner {

    private PackageScanner() {
    }

    /**
     * The fully qualified names of the classes in {@code packageName} and below, sorted.
     *
     * @throws FileAccessException naming the folder or jar that cannot be read
     */
    public static SortedSet<String> classNames(ClassLoader loader, String packageName) {
        String path = packageName.replace('.', '/');
        TreeSet<String> classNames = new TreeSet<>();
        Enumeration<URL> roots;
        try {
            roots = loader.getResources(path);
        } catch (IOException e) {
            throw new RetortException("Cannot list the class path entries holding package " + packageName
                    + ": " + e.getMessage() + ". Check the class path.", e);
        }
        while (roots.hasMoreElements()) {
            URL root = roots.nextElement();
            switch (root.getProtocol()) {
                case "file" -> scanDirectory(Paths.get(toUri(root)), packageName, classNames);
                case "jar" -> scanJar(root, path, classNames);
                default -> throw new RevisionGraphException("Cannot list classes of package " + packageName
                        + " at " + root + "; put the classes in a directory or jar.");
            }
        }
        // Jars built without directory entries do not answer getResources(package): scan the jars too.
        for (Path jar : jarsOf(loader)) {
            scanJarFile(jar, path, classNames);
        }
        return classNames;
    }

    private static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new RetortException("The class path entry " + url + " is not a valid file name: "
                    + e.getMessage() + ".", e);
        }
    }

    private static FileAccessException unreadable(Path entry, IOException e) {
        return new FileAccessException("read the class path entry", entry, e, "Rebuild it (a jar must be a "
                + "complete zip file), or take it off the class path.");
    }

    private static void scanDirectory(Path dir, String packageName, Collection<String> out) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                String relative = dir.relativize(p).toString().replace('\\', '/');
                String name = packageName + "." + relative.substring(0, relative.length() - 6).replace('/', '.');
                out.add(name);
            });
        } catch (IOException e) {
            throw unreadable(dir, e);
        } catch (UncheckedIOException e) {
            throw unreadable(dir, e.getCause());
        }
    }

    /** The jar files of {@code loader} and its ancestors that are URL class loaders, and of the class path. */
    private static List<Path> jarsOf(ClassLoader loader) {
        List<Path> jars = new ArrayList<>();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if (url.getProtocol().equals("file") && url.getPath().endsWith(".jar")) {
                        jars.add(Paths.get(toUri(url)));
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

    private static void scanJarFile(Path jar, String path, Collection<String> out) {
        try (JarFile file = new JarFile(jar.toFile())) {
            addEntries(file, path, out);
        } catch (IOException e) {
            throw unreadable(jar, e);
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

    private static void scanJar(URL root, String path, Collection<String> out) {
        JarURLConnection connection;
        try {
            connection = (JarURLConnection) root.openConnection();
        } catch (IOException e) {
            throw new RetortException("Cannot open the class path entry " + root + ": " + e.getMessage() + ".", e);
        }
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            addEntries(jar, path, out);
        } catch (IOException e) {
            throw unreadable(Paths.get(toUri(connection.getJarFileURL())), e);
        }
    }
}
