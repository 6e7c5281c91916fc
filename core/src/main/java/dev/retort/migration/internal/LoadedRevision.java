package dev.retort.migration.internal;

import dev.retort.migration.Allow;
import dev.retort.migration.Migration;
import dev.retort.migration.Revision;
import dev.retort.InertText;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Objects;

/**
 * One loaded revision: what its {@link Revision} annotation says, where it came from (a source file or a
 * class name, for messages), and how to instantiate it.
 *
 * @param source the source file path, or the class name when loaded from the classpath
 * @param transactional whether it runs in one transaction ({@link Revision#transactional()})
 */
public record LoadedRevision(String id, List<String> parents, String message, List<String> branchLabels,
                              String created, String source, Class<? extends Migration> type,
                              boolean transactional) {

    public LoadedRevision {
        Objects.requireNonNull(id, "id");
        parents = List.copyOf(parents);
        branchLabels = List.copyOf(branchLabels);
        message = message == null ? "" : message;
        created = created == null ? "" : created;
    }

    /** Reads the annotation of a migration class. */
    static LoadedRevision of(Class<? extends Migration> type, Revision revision, String source) {
        return new LoadedRevision(revision.id(), List.of(revision.parent()), revision.message(),
                List.of(revision.branchLabels()), revision.created(), source, type, revision.transactional());
    }

    /** A fresh instance of the migration, through its public no-argument constructor. */
    public Migration newInstance() {
        try {
            Constructor<? extends Migration> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new InvalidMigrationException(id, source, "cannot be instantiated (" + cause + "); a migration "
                    + "needs a no-argument constructor", cause);
        }
    }

    /** The lint findings the revision accepts on purpose ({@link Revision#lint()}); none without the annotation. */
    public List<Allow> lintAllowances() {
        Revision revision = type == null ? null : type.getAnnotation(Revision.class);
        return revision == null ? List.of() : List.of(revision.lint());
    }

    public boolean isMerge() {
        return parents.size() > 1;
    }

    /** {@code 1a2b3c4d5e6f (message)} for messages, on one line whatever the message holds. */
    public String label() {
        return message.isEmpty() ? id : id + " (" + InertText.line(message) + ")";
    }
}
