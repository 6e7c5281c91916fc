package dev.retort.realworld;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.retort.hibernate.HibernateOracle;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The projects of {@code corpus.yaml}, and where each version's resolved jars are. */
final class Corpus {

    /** A project whose entities the corpus holds at two or more versions. */
    record Project(@JsonProperty("name") String name,
                   @JsonProperty("artifact") String artifact,
                   @JsonProperty("packages") List<String> packages,
                   @JsonProperty("settings") Map<String, String> settings,
                   @JsonProperty("naming") Naming naming,
                   @JsonProperty("init") List<String> init,
                   @JsonProperty("full") boolean full,
                   @JsonProperty("versions") List<VersionEntry> versions) {

        Project {
            packages = List.copyOf(packages);
            settings = settings == null ? Map.of() : new TreeMap<>(settings);
            naming = naming == null ? new Naming(null, null) : naming;
            init = init == null ? List.of() : List.copyOf(init);
            versions = List.copyOf(versions);
        }

        List<Version> resolved() {
            return versions.stream().map(v -> new Version(this, v.version(), v.entities())).toList();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The naming strategies the project's application gives Hibernate: class names, {@code null} for Hibernate's. */
    record Naming(@JsonProperty("physical") String physical, @JsonProperty("implicit") String implicit) {
    }

    /** One line of a project's {@code versions}. */
    record VersionEntry(@JsonProperty("version") String version, @JsonProperty("entities") int entities) {
    }

    /** A project at one released version: its jar folder and the entities it is expected to hold. */
    record Version(Project project, String version, int expectedEntities) {

        /** {@code realworld/corpus/<name>-<version>/target/lib}, filled by that module's build. */
        Path libDirectory() {
            return ROOT.resolve(project.name() + "-" + version).resolve("target/lib");
        }

        /** The version's jars, sorted by name; fails with what to do when the module has not been built. */
        List<Path> jars() {
            Path lib = libDirectory();
            if (!Files.isDirectory(lib)) {
                throw new IllegalStateException("The corpus folder " + lib + " is missing: it is resolved by the module "
                        + "realworld/corpus/" + project.name() + "-" + version + "; run the build from the root "
                        + "(mvn verify -pl realworld -am) rather than this module alone.");
            }
            try (Stream<Path> files = Files.list(lib)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * A class loader over the version's jars, above this test's (which brings Hibernate and the persistence API),
         * for Hibernate's own schema export. It hides the Hibernate extensions the jars register as services
         * ({@code META-INF/services/org.hibernate.*}, such as Axelor's audit integrator, which needs the
         * application's Guice injector to start): they act on sessions, not on the DDL.
         */
        URLClassLoader classLoader() {
            List<URL> urls = new ArrayList<>();
            for (Path jar : jars()) {
                try {
                    urls.add(jar.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return new URLClassLoader(project.name() + "-" + version, urls.toArray(URL[]::new),
                    Corpus.class.getClassLoader()) {
                @Override
                public URL findResource(String name) {
                    return isHibernateService(name) ? null : super.findResource(name);
                }

                @Override
                public java.util.Enumeration<URL> findResources(String name) throws java.io.IOException {
                    return isHibernateService(name) ? java.util.Collections.emptyEnumeration() : super.findResources(name);
                }
            };
        }

        /** The entities, embeddables, mapped superclasses and converters of the project's packages. */
        List<Class<?>> mappedClasses(ClassLoader loader) {
            List<Class<?>> classes = new ArrayList<>();
            for (String packageName : project.packages()) {
                classes.addAll(HibernateOracle.classes(loader, packageName));
            }
            return classes;
        }

        private static boolean isHibernateService(String resource) {
            return resource.startsWith("META-INF/services/org.hibernate.");
        }

        static long entityCount(List<Class<?>> classes) {
            return classes.stream().filter(c -> c.isAnnotationPresent(Entity.class)).count();
        }

        @Override
        public String toString() {
            return project.name() + " " + version;
        }
    }

    /** Where the corpus modules are: {@code retort.corpus}, set by the build, else {@code corpus} here. */
    static final Path ROOT = Path.of(System.getProperty("retort.corpus", "corpus")).toAbsolutePath();

    private record File(@JsonProperty("projects") List<Project> projects) {
    }

    private Corpus() {
    }

    /**
     * The projects of this run: those marked {@code full} only with {@code -Pcorpus-full}, which resolves them
     * (and runs the tests on a JDK new enough for them).
     */
    static List<Project> projects() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        boolean full = Boolean.getBoolean("retort.corpus.full");
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus.yaml")) {
            return yaml.readValue(in, File.class).projects().stream().filter(p -> full || !p.full()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Version> versions() {
        return projects().stream().flatMap(p -> p.resolved().stream()).toList();
    }
}
