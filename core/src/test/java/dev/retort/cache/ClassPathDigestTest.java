package dev.retort.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The class path digest")
class ClassPathDigestTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("depends on what a folder holds, not on where it is or when its files were written")
    void foldersByContent() throws IOException {
        Path a = folder("a", Map.of("p/A.class", "alpha", "p/B.class", "beta"));
        Path b = folder("b", Map.of("p/A.class", "alpha", "p/B.class", "beta"));
        Files.setLastModifiedTime(b.resolve("p/A.class"), FileTime.fromMillis(0));
        assertEquals(digest(a), digest(b), "a rebuild that changes nothing keeps the key");

        Files.writeString(b.resolve("p/A.class"), "alphA");
        assertNotEquals(digest(a), digest(b), "one changed byte is a new key");
        Path c = folder("c", Map.of("p/A.class", "alpha", "p/C.class", "beta"));
        assertNotEquals(digest(a), digest(c), "a renamed file is a new key");
        Path d = folder("d", Map.of("p/A.class", "alpha", "p/B.class", "beta", "p/D.class", ""));
        assertNotEquals(digest(a), digest(d), "an added empty file is a new key");
    }

    @Test
    @DisplayName("reads a jar's central directory: an unchanged jar written again keeps the key, a changed entry does not")
    void jarsByCentralDirectory() throws IOException {
        Path one = jar("one.jar", Map.of("p/A.class", "alpha", "p/B.class", "beta"));
        Path two = jar("two.jar", Map.of("p/A.class", "alpha", "p/B.class", "beta"));
        Files.setLastModifiedTime(two, FileTime.fromMillis(0));
        assertEquals(digest(one), digest(two));
        assertNotEquals(digest(one), digest(jar("three.jar", Map.of("p/A.class", "alpha", "p/B.class", "betA"))));
        assertNotEquals(digest(one), digest(folder("same-as-folder", Map.of("p/A.class", "alpha", "p/B.class", "beta"))),
                "a folder and a jar with the same classes are different entries");
    }

    @Test
    @DisplayName("tells a missing entry, a plain file and the order of entries apart")
    void orderAndKinds() throws IOException {
        Path a = jar("a.jar", Map.of("A.class", "a"));
        Path b = jar("b.jar", Map.of("B.class", "b"));
        Path notAJar = dir.resolve("notes.jar");
        Files.writeString(notAJar, "not a zip");
        assertNotEquals(ClassPathDigest.of("t").entries(List.of(a, b)).hex(), ClassPathDigest.of("t").entries(List.of(b, a)).hex());
        assertNotEquals(digest(dir.resolve("absent.jar")), digest(notAJar));
        Path other = dir.resolve("other.jar");
        Files.writeString(other, "not a zip either");
        assertNotEquals(digest(notAJar), digest(other));
        assertNotEquals(ClassPathDigest.of("schemas").hex(), ClassPathDigest.of("compiled").hex());
    }

    private static String digest(Path entry) throws IOException {
        return ClassPathDigest.of("t").entry(entry).hex();
    }

    private Path folder(String name, Map<String, String> files) throws IOException {
        Path root = dir.resolve(name);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = root.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue());
        }
        return root;
    }

    private Path jar(String name, Map<String, String> files) throws IOException {
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry : files.keySet().stream().sorted().toList()) {
                JarEntry e = new JarEntry(entry);
                e.setTime(name.hashCode()); // entry dates differ between the jars; the digest must not care
                out.putNextEntry(e);
                out.write(files.get(entry).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
