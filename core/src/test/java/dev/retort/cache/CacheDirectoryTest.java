package dev.retort.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The cache directory")
class CacheDirectoryTest {

    @Test
    @DisplayName("prunes while another process writes and touches its entries, without failing the command")
    void prunesWhileEntriesChange(@TempDir Path folder) throws Exception {
        for (int i = 0; i < 200; i++) {
            Files.writeString(folder.resolve("entry-" + i), "x");
        }
        AtomicBoolean stop = new AtomicBoolean();
        Thread other = new Thread(() -> {
            Random random = new Random(42);
            while (!stop.get()) {
                try (Stream<Path> list = Files.list(folder)) {
                    for (Path p : list.toList()) {
                        try {
                            Files.setLastModifiedTime(p, FileTime.fromMillis(random.nextInt(1_000_000)));
                        } catch (java.io.IOException gone) {
                            // pruned meanwhile
                        }
                    }
                } catch (java.io.IOException | java.io.UncheckedIOException e) {
                    // the folder changes under us: as a second process would see it
                }
            }
        });
        other.start();
        try {
            for (int round = 0; round < 300; round++) {
                for (int i = 0; i < 3; i++) {
                    Files.writeString(folder.resolve("new-" + round + "-" + i), "x");
                }
                CacheDirectory.prune(folder, 150); // a sort on changing times must not throw
            }
        } finally {
            stop.set(true);
            other.join();
        }
        try (Stream<Path> list = Files.list(folder)) {
            long left = list.count();
            assertTrue(left <= 153, "kept " + left);
        }
        CacheDirectory.prune(folder, 10);
        try (Stream<Path> list = Files.list(folder)) {
            assertEquals(10, list.count());
        }
    }
}
