package dev.retort.junit;

import dev.retort.migration.internal.LoadedRevision;
import dev.retort.testkit.CatalogSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * {@link RetortTest#recordedSchemas}: each revision's catalog as reviewed, {@code <revision>.txt}, one line per object.
 * With {@code -Dretort.test.record=true} the stairway writes them instead of checking them.
 */
final class RecordedSchemas {

    private static final RecordedSchemas NONE = new RecordedSchemas(null, false);

    private final Path folder;
    private final boolean record;

    private RecordedSchemas(Path folder, boolean record) {
        this.folder = folder;
        this.record = record;
    }

    static RecordedSchemas of(KitSettings settings) {
        return settings.recordedSchemas() == null ? NONE
                : new RecordedSchemas(settings.recordedSchemas(), Boolean.getBoolean("retort.test.record"));
    }

    /** Records the catalog at {@code revision}, or holds it against the record when there is one. */
    void check(LoadedRevision revision, CatalogSnapshot actual) {
        if (folder == null) {
            return;
        }
        Path file = folder.resolve(revision.id() + ".txt");
        try {
            if (record) {
                Files.createDirectories(folder);
                Files.write(file, actual.lines(), StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                return; // a revision newer than the records: the round trip alone checks it
            }
            List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8);
            RetortMigrations.assertSameCatalog(new CatalogSnapshot(expected), actual, "At revision " + revision.id()
                    + " (" + revision.message() + ") the catalog is not the one recorded in " + file + " (a migration "
                    + "edited after its release, or a deliberate change: then re-record with -Dretort.test.record=true "
                    + "and review the diff)");
        } catch (IOException e) {
            throw new UncheckedIOException("The recorded schema " + file + ": " + e.getMessage(), e);
        }
    }
}
