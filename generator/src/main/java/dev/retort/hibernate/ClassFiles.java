package dev.retort.hibernate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reading a class file's bytes for the annotation types it names, without loading it. A runtime annotation's type is
 * a constant of the class file in the JVM's descriptor form ({@code Ljakarta/persistence/Entity;}), so a class file
 * without that constant cannot carry the annotation. Used by the entity scan and by the Maven plugin's.
 */
public final class ClassFiles {

    private ClassFiles() {
    }

    /** {@code jakarta.persistence.Entity} as the bytes {@code Ljakarta/persistence/Entity;}. */
    public static byte[] descriptor(String annotationType) {
        return ("L" + annotationType.replace('.', '/') + ";").getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether {@code classFile} holds {@code descriptor}. */
    public static boolean mentions(byte[] classFile, byte[] descriptor) {
        outer:
        for (int i = 0; i <= classFile.length - descriptor.length; i++) {
            for (int j = 0; j < descriptor.length; j++) {
                if (classFile[i + j] != descriptor[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The bytes of class {@code name} as {@code loader} finds them, or null when it finds none or cannot read it. */
    static byte[] read(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name.replace('.', '/') + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
