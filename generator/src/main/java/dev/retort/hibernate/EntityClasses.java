package dev.retort.hibernate;

import dev.retort.migration.internal.PackageScanner;
import java.io.File;
import java.lang.annotation.Annotation;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * The classes of the entity packages Hibernate must see: entities, embeddables, mapped superclasses and
 * converters, and the packages that carry a {@code package-info} with annotations (generators, type
 * registrations). Found with {@link PackageScanner}; a class is loaded (without being initialized) only when its
 * class file names one of the mapping annotations, so the other classes of an entity package (a servlet listener
 * whose API the application server provides, say) need not be loadable, as with Hibernate's own scanning.
 */
record EntityClasses(List<Class<?>> classes, List<String> annotatedPackages, int entityCount) {

    private static final String PACKAGE_INFO = "package-info";
    private static final int SHOWN_ENTRIES = 8;
    private static final Set<String> MAPPED_ANNOTATIONS = Set.of(
            "jakarta.persistence.Entity",
            "jakarta.persistence.Embeddable",
            "jakarta.persistence.MappedSuperclass",
            "jakarta.persistence.Converter");

    EntityClasses {
        classes = List.copyOf(classes);
        annotatedPackages = List.copyOf(annotatedPackages);
    }

    static EntityClasses scan(ClassLoader loader, List<String> packages) {
        Set<String> names = new LinkedHashSet<>();
        for (String pkg : packages) {
            SortedSet<String> found = PackageScanner.classNames(loader, pkg);
            names.addAll(found);
        }
        List<Class<?>> classes = new ArrayList<>();
        List<String> annotatedPackages = new ArrayList<>();
        int entities = 0;
        for (String name : names) {
            if (name.endsWith("." + PACKAGE_INFO)) {
                annotatedPackages.add(name.substring(0, name.length() - PACKAGE_INFO.length() - 1));
                continue;
            }
            if (!mayBeMapped(loader, name)) {
                continue;
            }
            Class<?> type = load(loader, name);
            String mapped = mappedAnnotation(type);
            if (mapped != null) {
                classes.add(type);
                if (mapped.equals("jakarta.persistence.Entity")) {
                    entities++;
                }
            }
        }
        if (entities == 0) {
            String javax = names.stream().filter(n -> names(loader, n, JAVAX_ENTITY)).findFirst().orElse(null);
            if (javax != null) {
                throw new EntityMappingException(javax, "The entities in package(s) " + String.join(", ", packages)
                        + " (such as " + javax + ") are javax.persistence entities, for Hibernate 5 and JPA 2. Retort "
                        + "reads Jakarta Persistence entities (jakarta.persistence: Hibernate 6 and 7, Spring Boot 3 "
                        + "and later) with Hibernate ORM " + org.hibernate.Version.getVersionString() + ". Move the "
                        + "application to Jakarta Persistence first (OpenRewrite's javax-to-jakarta recipes do most "
                        + "of it), then run Retort.");
            }
            throw new EntityMappingException(String.join(", ", packages), "No @Entity class found in package(s) "
                    + String.join(", ", packages) + " on the class path " + classPath(loader)
                    + ". Check the package names and that the compiled entity classes are on the class path.");
        }
        return new EntityClasses(classes, annotatedPackages, entities);
    }

    /**
     * Whether the class file of {@code name} mentions a mapping annotation's type. A runtime annotation's type is a
     * constant of the class file in the JVM's descriptor form ({@code Ljakarta/persistence/Entity;}), so a class
     * without one cannot carry it; the check reads bytes and loads nothing. A class file that cannot be read is
     * loaded, so that loading reports the problem.
     */
    static boolean mayBeMapped(ClassLoader loader, String name) {
        byte[] bytes = ClassFiles.read(loader, name);
        if (bytes == null) {
            return true;
        }
        for (byte[] descriptor : DESCRIPTORS) {
            if (ClassFiles.mentions(bytes, descriptor)) {
                return true;
            }
        }
        return false;
    }

    private static final byte[] JAVAX_ENTITY = ClassFiles.descriptor("javax.persistence.Entity");

    /** Whether the class file of {@code name} holds {@code descriptor}. */
    private static boolean names(ClassLoader loader, String name, byte[] descriptor) {
        byte[] bytes = ClassFiles.read(loader, name);
        return bytes != null && ClassFiles.mentions(bytes, descriptor);
    }

    private static final List<byte[]> DESCRIPTORS = MAPPED_ANNOTATIONS.stream().map(ClassFiles::descriptor).toList();

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            String missing = e instanceof NoClassDefFoundError || e instanceof ClassNotFoundException
                    ? " (" + e.getMessage().replace('/', '.') + " is missing)" : " (" + e + ")";
            throw new EntityMappingException(name, "Cannot load class " + name + missing
                    + ". Put every jar the entities need on the class path, and compile them for Java "
                    + Runtime.version().feature() + " or older.", e);
        }
    }

    /** The mapping annotation of {@code type}, matched by name so a second copy of the JPA API is no obstacle. */
    private static String mappedAnnotation(Class<?> type) {
        try {
            for (Annotation annotation : type.getDeclaredAnnotations()) {
                String name = annotation.annotationType().getName();
                if (MAPPED_ANNOTATIONS.contains(name)) {
                    return name;
                }
            }
            return null;
        } catch (LinkageError | RuntimeException e) {
            throw new EntityMappingException(type.getName(), "Cannot read the annotations of class "
                    + type.getName() + " (" + e + "). Put every jar the entities need on the class path.", e);
        }
    }

    static String classPath(ClassLoader loader) {
        List<String> entries = new ArrayList<>();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    entries.add(url.getPath());
                }
            }
        }
        if (entries.isEmpty()) {
            entries.addAll(List.of(System.getProperty("java.class.path", "").split(File.pathSeparator)));
        }
        List<String> shown = entries.stream().filter(e -> !e.isBlank()).distinct().toList();
        String more = shown.size() > SHOWN_ENTRIES ? " and " + (shown.size() - SHOWN_ENTRIES) + " more" : "";
        return shown.stream().limit(SHOWN_ENTRIES).collect(Collectors.joining(File.pathSeparator, "[", more + "]"));
    }
}
