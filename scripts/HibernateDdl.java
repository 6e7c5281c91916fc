import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.hibernate.SessionFactory;
import org.hibernate.Version;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * Prints the PostgreSQL DDL ("create" script) that the Hibernate on the class path writes for the entities of some
 * packages, without a database.
 *
 * <pre>
 * java -cp HIBERNATE_CLASSPATH:ENTITY_CLASSPATH scripts/HibernateDdl.java --classpath ENTITY_CLASSPATH
 *      --package PKG [--package PKG]... [--setting KEY=VALUE]... [--physical CLASS] [--implicit CLASS]
 * </pre>
 *
 * The script goes to stdout, one statement a line ending in ";". A summary line starting "HibernateDdl:" goes to
 * stderr. The script is written the way an application gets it: a real EntityManagerFactory (Hibernate's
 * {@link HibernatePersistenceConfiguration}, the Jakarta Persistence 3.2 bootstrap) is created with the JPA
 * schema-generation settings ({@code jakarta.persistence.schema-generation.scripts.*}) and closed again, so everything
 * the SessionFactory does before its schema export (column ordering, generators, ...) is included. No database
 * connection is configured: the dialect and database version are given as settings.
 */
public class HibernateDdl {
    private static final List<String> KINDS = List.of("Entity", "Embeddable", "MappedSuperclass", "Converter");

    public static void main(String[] args) throws Exception {
        List<Path> classpath = new ArrayList<>();
        List<String> packages = new ArrayList<>();
        Map<String, Object> settings = new HashMap<>();
        String physical = null;
        String implicit = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : fail("missing value after " + args[i]);
            switch (args[i++]) {
                case "--classpath" -> Stream.of(value.split(File.pathSeparator))
                        .filter(s -> !s.isEmpty()).forEach(s -> classpath.add(Path.of(s)));
                case "--package" -> packages.add(value);
                case "--setting" -> settings.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                case "--physical" -> physical = value;
                case "--implicit" -> implicit = value;
                default -> fail("unknown option " + args[i - 1]);
            }
        }
        if (classpath.isEmpty() || packages.isEmpty()) fail("give --classpath and at least one --package");

        long start = System.nanoTime();
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) urls[i] = classpath.get(i).toUri().toURL();
        ClassLoader loader = new URLClassLoader(urls, HibernateDdl.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(loader);

        // Find the mapped classes: every class of the packages carrying one of the four annotations.
        Map<String, Integer> counts = new TreeMap<>();
        List<Class<?>> mapped = new ArrayList<>();
        List<String> unloadable = new ArrayList<>();
        for (String name : classNames(classpath, packages)) {
            try {
                Class<?> type = Class.forName(name, false, loader);
                for (var annotation : type.getDeclaredAnnotations()) {
                    String annotationName = annotation.annotationType().getName();
                    String kind = annotationName.substring(annotationName.lastIndexOf('.') + 1);
                    if (annotationName.startsWith("jakarta.persistence.") && KINDS.contains(kind)) {
                        counts.merge(kind, 1, Integer::sum);
                        mapped.add(type);
                        break;
                    }
                }
            } catch (Throwable e) { // a class whose dependencies are missing cannot be mapped either
                unloadable.add(name + " (" + e + ")");
            }
        }

        Path script = Files.createTempFile("hibernate-ddl-", ".sql");
        Files.delete(script); // Hibernate appends to an existing file
        settings.put("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect");
        settings.put("hibernate.boot.allow_jdbc_metadata_access", "false");
        settings.put("jakarta.persistence.database-product-name", "PostgreSQL");
        settings.put("jakarta.persistence.database-major-version", "15");
        settings.put("jakarta.persistence.database-minor-version", "0");
        settings.put("jakarta.persistence.schema-generation.database.action", "none");
        settings.put("jakarta.persistence.schema-generation.scripts.action", "create");
        settings.put("jakarta.persistence.schema-generation.scripts.create-target", script.toString());
        settings.put("hibernate.hbm2ddl.delimiter", ";");
        settings.put("hibernate.format_sql", "false");
        settings.put("hibernate.hbm2ddl.halt_on_error", "true");

        if (physical != null) settings.put("hibernate.physical_naming_strategy", instantiate(physical, loader));
        if (implicit != null) settings.put("hibernate.implicit_naming_strategy", instantiate(implicit, loader));
        settings.put("hibernate.classLoaders", List.of(loader));
        String jackson = brokenJackson(loader);
        if (jackson != null) { // else the factory fails at start-up; the mapper only (de)serializes values, never DDL
            settings.put("hibernate.type.json_format_mapper", new FormatMapper() {
                public <T> T fromString(CharSequence s, JavaType<T> t, WrapperOptions o) { throw new UnsupportedOperationException(); }
                public <T> String toString(T v, JavaType<T> t, WrapperOptions o) { throw new UnsupportedOperationException(); }
            });
            System.err.println("HibernateDdl: note: Jackson on the class path cannot initialize (" + jackson
                    + "), so hibernate.type.json_format_mapper is a stub (it only converts JSON values, no effect on DDL)");
        }

        HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("hibernate-ddl")
                .managedClasses(mapped).properties(settings);
        configuration.provider(HibernatePersistenceProvider.class.getName()); // EclipseLink may be on the class path too
        try (SessionFactory factory = configuration.createEntityManagerFactory()) {
            // the create script is written while the factory starts; nothing to do with it
        }
        String ddl = Files.readString(script);
        Files.delete(script);
        System.out.print(ddl);

        long millis = (System.nanoTime() - start) / 1_000_000;
        System.err.printf("HibernateDdl: hibernate %s, %s, %d classes in the packages not loadable, %d statements, %d ms%n",
                Version.getVersionString(), counts, unloadable.size(), ddl.lines().filter(l -> !l.isBlank()).count(), millis);
        unloadable.forEach(u -> System.err.println("HibernateDdl: not loadable: " + u));
    }

    /** The names of the classes in the packages (subpackages included) of the directories and jars, sorted. */
    static TreeSet<String> classNames(List<Path> classpath, List<String> packages) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        for (Path entry : classpath) {
            List<String> files = new ArrayList<>();
            if (Files.isDirectory(entry)) {
                try (Stream<Path> walk = Files.walk(entry)) {
                    walk.filter(Files::isRegularFile).forEach(p -> files.add(entry.relativize(p).toString().replace(File.separatorChar, '/')));
                }
            } else if (Files.isRegularFile(entry)) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    jar.stream().map(JarEntry::getName).forEach(files::add);
                }
            } else {
                fail("class path entry not found: " + entry);
            }
            for (String file : files) {
                if (!file.endsWith(".class") || file.endsWith("module-info.class") || file.endsWith("package-info.class")
                        || file.startsWith("META-INF/")) continue;
                String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
                if (packages.stream().anyMatch(p -> name.startsWith(p + "."))) names.add(name);
            }
        }
        return names;
    }

    /** Why Jackson's ObjectMapper is present but cannot initialize (mismatched Jackson jars), or null. */
    static String brokenJackson(ClassLoader loader) {
        try {
            Class.forName("com.fasterxml.jackson.databind.ObjectMapper", true, loader);
            return null;
        } catch (ClassNotFoundException e) {
            return null;
        } catch (LinkageError e) {
            return e.getCause() != null ? e.getCause().toString() : e.toString();
        }
    }

    static Object instantiate(String className, ClassLoader loader) throws ReflectiveOperationException {
        return Class.forName(className, true, loader).getConstructor().newInstance();
    }

    static String fail(String message) {
        System.err.println("HibernateDdl: " + message);
        System.exit(2);
        return null;
    }
}
