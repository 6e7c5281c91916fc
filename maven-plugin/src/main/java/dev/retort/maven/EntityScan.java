package dev.retort.maven;

import dev.retort.hibernate.ClassFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Finds the packages of {@code @Entity} classes in class folders and jars without loading a class: a class file that
 * names {@code jakarta.persistence.Entity} among its constants is taken as one ({@link ClassFiles}, as Retort's own
 * scan reads them before it loads and checks them). javax.persistence entities are noted apart, to say what Retort cannot read.
 */
final class EntityScan {

    private static final byte[] JAKARTA = ClassFiles.descriptor("jakarta.persistence.Entity");
    private static final byte[] JAVAX = ClassFiles.descriptor("javax.persistence.Entity");

    private final Set<String> packages = new TreeSet<>();
    private final List<String> javax = new ArrayList<>();

    /** Scans a class folder or a jar; anything else (a missing folder) is skipped. */
    void scan(Path entry) throws MojoExecutionException {
        try {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> walk = Files.walk(entry)) {
                    for (Path file : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                        String name = entry.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                        look(name, Files.readAllBytes(file));
                    }
                }
            } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
                try (ZipFile jar = new ZipFile(entry.toFile())) {
                    Enumeration<? extends ZipEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        ZipEntry e = entries.nextElement();
                        if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                            try (InputStream in = jar.getInputStream(e)) {
                                look(e.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read the compiled classes in " + entry + ": " + e.getMessage()
                    + ". Rebuild the project (mvn clean compile).", e);
        }
    }

    private void look(String name, byte[] bytes) {
        int slash = name.lastIndexOf('/');
        if (slash < 0) {
            return; // the default package cannot be named with --package
        }
        if (ClassFiles.mentions(bytes, JAKARTA)) {
            packages.add(name.substring(0, slash).replace('/', '.'));
        } else if (ClassFiles.mentions(bytes, JAVAX)) {
            javax.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
        }
    }

    /** The packages found, without those inside another found one (subpackages are scanned anyway). */
    List<String> packages() {
        List<String> minimal = new ArrayList<>();
        for (String p : packages) {
            if (minimal.stream().noneMatch(m -> p.startsWith(m + "."))) {
                minimal.add(p);
            }
        }
        return minimal;
    }

    /** javax.persistence entities found (by class name), which Retort cannot read. */
    List<String> javaxEntities() {
        return javax;
    }
}
