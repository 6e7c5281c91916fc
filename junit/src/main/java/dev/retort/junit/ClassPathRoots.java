package dev.retort.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;

/** The class path entries (folders, jars) that hold given packages, for the command line's entity scan. */
final class ClassPathRoots {

    private ClassPathRoots() {
    }

    static List<Path> of(ClassLoader loader, List<String> packages) {
        TreeSet<Path> roots = new TreeSet<>();
        for (String pkg : packages) {
            String folder = pkg.replace('.', '/');
            try {
                Enumeration<URL> found = loader.getResources(folder);
                while (found.hasMoreElements()) {
                    URL url = found.nextElement();
                    if (url.getProtocol().equals("file")) {
                        Path dir = Path.of(url.toURI());
                        for (int i = 0; i < folder.split("/").length; i++) {
                            dir = dir.getParent();
                        }
                        roots.add(dir);
                    } else if (url.getProtocol().equals("jar")) {
                        URL jar = ((JarURLConnection) url.openConnection()).getJarFileURL();
                        roots.add(Path.of(jar.toURI()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list the class path entries holding package " + pkg, e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException("A class path entry of package " + pkg + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(roots);
    }
}
