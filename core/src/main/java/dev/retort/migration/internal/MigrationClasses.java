package dev.retort.migration.internal;

import dev.retort.migration.Migration;
import dev.retort.migration.Revision;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** Finds migration classes in a package on the class path and reads their annotations. */
final class MigrationClasses {

    private MigrationClasses() {
    }

    static List<LoadedRevision> fromPackage(ClassLoader loader, String packageName) {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : PackageScanner.classNames(loader, packageName)) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new InvalidMigrationException(null, name, "cannot be loaded: " + e, e);
            }
        }
        return loadedRevisions(classes, Class::getName);
    }

    /**
     * The migrations among {@code classes}. A top-level class that implements {@link Migration} must carry
     * {@link Revision}; one that carries it must implement {@link Migration}; other classes are helpers.
     */
    static List<LoadedRevision> loadedRevisions(Collection<Class<?>> classes,
                                         Function<Class<?>, String> sourceOf) {
        List<LoadedRevision> out = new ArrayList<>();
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
            out.add(LoadedRevision.of(migration, revision, sourceOf.apply(type)));
        }
        return out;
    }
}
