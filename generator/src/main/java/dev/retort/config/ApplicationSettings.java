package dev.retort.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Hibernate settings an application already states, so nobody configures them twice: Spring Boot's
 * {@code application.properties} / {@code application.yml} (with the active profiles' files and documents) and
 * JPA's {@code META-INF/persistence.xml}, found on the entities' class path as the application would find them
 * (the first of each name wins). What is read is only what changes the DDL, and the development database:
 *
 * <ul>
 *   <li>{@code spring.jpa.hibernate.naming.physical-strategy} / {@code implicit-strategy}, and Spring Boot's own
 *       default naming when Spring Boot's JPA support is on the class path and neither is set;</li>
 *   <li>{@code spring.jpa.properties.*} (such as {@code hibernate.default_schema}), or a persistence unit's
 *       {@code hibernate.*} properties;</li>
 *   <li>{@code spring.datasource.url} / {@code username} / {@code password}, or the unit's
 *       {@code jakarta.persistence.jdbc.*}: the {@code dev} environment when {@code retort.yaml} has none.</li>
 * </ul>
 *
 * Each value keeps where it came from, for {@code --verbose}. Spring's {@code ${NAME}} and {@code ${NAME:default}}
 * placeholders are resolved from the same files and the environment; a value whose placeholder nothing resolves
 * is left out (and said so), as Retort cannot know what the application would be given.
 */
public final class ApplicationSettings {

    /** One value and where it was read: {@code spring.jpa.properties.hibernate.default_schema in application.yml}. */
    public record Setting(String value, String origin) {
    }

    /** The development database an application's files name; the password is never shown. */
    public record Datasource(Setting url, Setting user, Setting password) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String JPA_PROPERTIES = "spring.jpa.properties.";

    private final Setting physicalNaming;
    private final Setting implicitNaming;
    private final Map<String, Setting> hibernate;
    private final Datasource datasource;
    private final List<String> notes;

    private ApplicationSettings(Setting physicalNaming, Setting implicitNaming, Map<String, Setting> hibernate,
                                Datasource datasource, List<String> notes) {
        this.physicalNaming = physicalNaming;
        this.implicitNaming = implicitNaming;
        this.hibernate = hibernate;
        this.datasource = datasource;
        this.notes = notes;
    }

    /** Nothing read: no class path to look on. */
    public static ApplicationSettings none() {
        return new ApplicationSettings(null, null, Map.of(), null, List.of());
    }

    /** The physical naming strategy the application states (a class name or the {@code spring} preset), or null. */
    public Setting physicalNaming() {
        return physicalNaming;
    }

    public Setting implicitNaming() {
        return implicitNaming;
    }

    /** Hibernate settings by key ({@code hibernate.default_schema}), in the order read. */
    public Map<String, Setting> hibernate() {
        return hibernate;
    }

    /** The development database, or null when the files name none. */
    public Datasource datasource() {
        return datasource;
    }

    /** What was found but not used, and why (an unresolved placeholder, a second persistence unit). */
    public List<String> notes() {
        return notes;
    }

    /**
     * Reads the application's files from {@code classpath} (directories and jars, in class path order).
     *
     * @param env the environment, for placeholders and {@code SPRING_PROFILES_ACTIVE}
     */
    public static ApplicationSettings read(List<Path> classpath, Map<String, String> env) {
        if (classpath.isEmpty()) {
            return none();
        }
        List<URL> urls = new ArrayList<>();
        for (Path p : classpath) {
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ConfigException("Bad class path entry " + p + ": " + e.getMessage());
            }
        }
        // No parent: only the application's own entries, never Retort's resources.
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), null)) {
            return new Scan(loader, env).read();
        } catch (IOException e) {
            throw new ConfigException("Cannot close the class path reader: " + e.getMessage());
        }
    }

    /** The reading itself, over one class loader. */
    private static final class Scan {
        private final ClassLoader loader;
        private final Map<String, String> env;
        private final List<String> notes = new ArrayList<>();
        /** Spring's properties, flattened, each with the file it came from; later files override earlier ones. */
        private final Map<String, Setting> spring = new LinkedHashMap<>();

        Scan(ClassLoader loader, Map<String, String> env) {
            this.loader = loader;
            this.env = env;
        }

        ApplicationSettings read() {
            readSpring("");
            String profiles = env.get("SPRING_PROFILES_ACTIVE");
            Setting active = get("spring.profiles.active");
            if ((profiles == null || profiles.isBlank()) && active != null) {
                profiles = active.value();
            }
            List<String> profileList = new ArrayList<>();
            if (profiles != null) {
                for (String p : profiles.split(",")) {
                    if (!p.isBlank()) {
                        profileList.add(p.strip());
                    }
                }
            }
            // Profile documents of the base files apply over it, then each profile's own files, in order.
            applyProfileDocuments(profileList);
            for (String profile : profileList) {
                readSpring("-" + profile);
            }
            Map<String, Setting> hibernate = new LinkedHashMap<>();
            Setting physical = null;
            Setting implicit = null;
            Datasource datasource = null;
            PersistenceUnit unit = persistenceUnit();
            if (unit != null) {
                for (Map.Entry<String, Setting> e : unit.properties.entrySet()) {
                    String key = e.getKey();
                    if (key.equals("hibernate.physical_naming_strategy")) {
                        physical = e.getValue();
                    } else if (key.equals("hibernate.implicit_naming_strategy")) {
                        implicit = e.getValue();
                    } else if (key.startsWith("hibernate.") && !key.startsWith("hibernate.connection.")) {
                        hibernate.put(key, e.getValue());
                    }
                }
                Setting url = first(unit.properties, "jakarta.persistence.jdbc.url", "javax.persistence.jdbc.url",
                        "hibernate.connection.url");
                if (url != null) {
                    datasource = new Datasource(url, first(unit.properties, "jakarta.persistence.jdbc.user",
                            "javax.persistence.jdbc.user", "hibernate.connection.username"),
                            first(unit.properties, "jakarta.persistence.jdbc.password",
                                    "javax.persistence.jdbc.password", "hibernate.connection.password"));
                }
            }
            // Spring Boot's own settings, which an application using it goes by, over a persistence.xml's.
            for (Map.Entry<String, Setting> e : spring.entrySet()) {
                String key = e.getKey();
                if (key.startsWith(JPA_PROPERTIES)) {
                    String hibernateKey = key.substring(JPA_PROPERTIES.length());
                    Setting value = resolved(key, e.getValue());
                    if (value == null) {
                        continue;
                    }
                    if (hibernateKey.equals("hibernate.physical_naming_strategy")) {
                        physical = value;
                    } else if (hibernateKey.equals("hibernate.implicit_naming_strategy")) {
                        implicit = value;
                    } else if (!hibernateKey.startsWith("hibernate.connection.")) {
                        hibernate.put(hibernateKey, value);
                    }
                }
            }
            // spring.jpa.hibernate.naming.* beats the same strategy given under spring.jpa.properties, as in Boot.
            Setting bootPhysical = relaxed("spring.jpa.hibernate.naming.physical-strategy");
            Setting bootImplicit = relaxed("spring.jpa.hibernate.naming.implicit-strategy");
            physical = bootPhysical != null ? bootPhysical : physical;
            implicit = bootImplicit != null ? bootImplicit : implicit;
            String boot = springBootJpa();
            if (boot != null) {
                Setting preset = new Setting("spring", "Spring Boot's default, as " + boot + " is on the class path");
                physical = physical != null ? physical : preset;
                implicit = implicit != null ? implicit : preset;
            }
            Setting url = relaxed("spring.datasource.url");
            if (url != null) {
                datasource = new Datasource(url, relaxed("spring.datasource.username"),
                        relaxed("spring.datasource.password"));
            }
            return new ApplicationSettings(physical, implicit, Map.copyOf(hibernate), datasource, List.copyOf(notes));
        }

        private static Setting first(Map<String, Setting> properties, String... keys) {
            for (String k : keys) {
                if (properties.containsKey(k)) {
                    return properties.get(k);
                }
            }
            return null;
        }

        /**
         * Spring Boot and its Hibernate auto-configuration (Boot 4's {@code spring-boot-hibernate}, Boot 2 and 3's
         * autoconfigure), which apply Spring's naming by default; the jar that holds it, or null.
         */
        private String springBootJpa() {
            if (loader.getResource("org/springframework/boot/SpringApplication.class") == null) {
                return null;
            }
            for (String name : List.of(
                    "org/springframework/boot/hibernate/autoconfigure/HibernateJpaAutoConfiguration.class",
                    "org/springframework/boot/autoconfigure/orm/jpa/HibernateJpaAutoConfiguration.class")) {
                URL found = loader.getResource(name);
                if (found != null) {
                    String s = found.toString();
                    int bang = s.indexOf("!/");
                    String jar = bang > 0 ? s.substring(0, bang) : s;
                    return jar.substring(jar.lastIndexOf('/') + 1);
                }
            }
            return null;
        }

        /** Reads {@code application<suffix>.properties}, {@code .yml} and {@code .yaml}, and their config/ twins. */
        private void readSpring(String suffix) {
            for (String dir : List.of("", "config/")) {
                readProperties(dir + "application" + suffix + ".properties");
                readYaml(dir + "application" + suffix + ".yml", suffix.isEmpty());
                readYaml(dir + "application" + suffix + ".yaml", suffix.isEmpty());
            }
        }

        private void readProperties(String name) {
            String text = text(name);
            if (text == null) {
                return;
            }
            Properties p = new Properties();
            try (Reader r = new StringReader(text)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException(where(name) + " cannot be read as properties: " + e.getMessage()
                        + ". Fix the file, or give the settings in retort.yaml.");
            }
            for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
                put(key, p.getProperty(key), name);
            }
        }

        /** Documents of the base files that activate on a profile, flattened, waiting until the profiles are known. */
        private final List<Map.Entry<String, Map<String, String>>> profileDocuments = new ArrayList<>();

        private void readYaml(String name, boolean base) {
            String text = text(name);
            if (text == null) {
                return;
            }
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text)) {
                while (docs.hasNext()) {
                    JsonNode doc = docs.nextValue();
                    if (doc == null || !doc.isObject()) {
                        continue;
                    }
                    Map<String, String> flat = new LinkedHashMap<>();
                    flatten("", doc, flat);
                    String on = flat.getOrDefault("spring.config.activate.on-profile", flat.get("spring.profiles"));
                    if (on == null) {
                        flat.forEach((k, v) -> put(k, v, name));
                    } else if (base) {
                        profileDocuments.add(Map.entry(name + " (the document for profile " + on + ")", flat));
                    }
                }
            } catch (JsonProcessingException e) {
                String problem = e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException y
                        && y.getProblem() != null ? y.getProblem() : e.getOriginalMessage().strip().replaceAll("\\s+", " ");
                throw new ConfigException(where(name) + ":" + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                        + " is not valid YAML: " + problem
                        + ". Fix the file, or give the settings in retort.yaml.");
            } catch (IOException e) {
                throw new ConfigException("Cannot read " + where(name) + ": " + e.getMessage());
            }
        }

        private void applyProfileDocuments(List<String> profiles) {
            for (Map.Entry<String, Map<String, String>> e : profileDocuments) {
                Map<String, String> flat = e.getValue();
                String on = flat.getOrDefault("spring.config.activate.on-profile", flat.get("spring.profiles"));
                boolean active = false;
                for (String p : on.split(",")) {
                    active |= profiles.contains(p.strip());
                }
                if (active) {
                    flat.forEach((k, v) -> put(k, v, e.getKey()));
                }
            }
        }

        private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
            if (node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), into);
                }
            } else if (node.isArray()) {
                List<String> items = new ArrayList<>();
                node.forEach(item -> items.add(item.asText()));
                into.put(prefix, String.join(",", items));
            } else if (!node.isNull()) {
                into.put(prefix, node.asText());
            }
        }

        private void put(String key, String value, String file) {
            // Spring's map keys may be bracketed: spring.jpa.properties[hibernate.default_schema].
            String k = key.replace("[", ".").replace("]", "").replace("..", ".");
            spring.put(k, new Setting(value, k + " in " + where(file)));
        }

        private Setting get(String key) {
            Setting s = spring.get(key);
            return s == null ? null : resolved(key, s);
        }

        /**
         * A Spring Boot property by its canonical name, written in any of the forms relaxed binding accepts
         * ({@code physical-strategy}, {@code physicalStrategy}, {@code physical_strategy}); the last one read wins.
         */
        private Setting relaxed(String canonical) {
            String wanted = relaxedForm(canonical);
            Setting found = null;
            for (Map.Entry<String, Setting> e : spring.entrySet()) {
                if (relaxedForm(e.getKey()).equals(wanted)) {
                    found = resolved(e.getKey(), e.getValue());
                }
            }
            return found;
        }

        private static String relaxedForm(String key) {
            return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        }

        /** The value with its placeholders resolved, or null (with a note) when one cannot be. */
        private Setting resolved(String key, Setting setting) {
            String value = setting.value();
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < value.length()) {
                int start = value.indexOf("${", i);
                if (start < 0) {
                    out.append(value, i, value.length());
                    break;
                }
                out.append(value, i, start);
                int end = closing(value, start + 2);
                if (end < 0) {
                    out.append(value, start, value.length());
                    break;
                }
                String body = value.substring(start + 2, end);
                int colon = body.indexOf(':');
                String name = colon < 0 ? body : body.substring(0, colon);
                String found = lookup(name);
                if (found == null && colon >= 0) {
                    Setting d = resolved(key, new Setting(body.substring(colon + 1), setting.origin()));
                    found = d == null ? null : d.value();
                }
                if (found == null) {
                    notes.add(setting.origin() + " is not used: nothing sets ${" + name + "} here (neither these files "
                            + "nor the environment); give the value in retort.yaml, or set " + envName(name) + ".");
                    return null;
                }
                out.append(found);
                i = end + 1;
            }
            return new Setting(out.toString(), setting.origin());
        }

        private static int closing(String value, int from) {
            int depth = 1;
            for (int i = from; i < value.length(); i++) {
                if (value.startsWith("${", i)) {
                    depth++;
                    i++;
                } else if (value.charAt(i) == '}' && --depth == 0) {
                    return i;
                }
            }
            return -1;
        }

        /** A placeholder's value: the environment (exactly, or in Spring's upper-case form), then the files. */
        private String lookup(String name) {
            String v = env.get(name);
            if (v == null) {
                v = env.get(envName(name));
            }
            if (v == null && spring.containsKey(name) && depth < 20) {
                depth++; // a placeholder cycle ends here, unresolved
                try {
                    Setting s = resolved(name, spring.get(name));
                    v = s == null ? null : s.value();
                } finally {
                    depth--;
                }
            }
            return v;
        }

        private int depth;

        private static String envName(String property) {
            return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
        }

        /** The first persistence unit of {@code META-INF/persistence.xml}, its properties resolved. */
        private PersistenceUnit persistenceUnit() {
            String name = "META-INF/persistence.xml";
            String text = text(name);
            if (text == null) {
                return null;
            }
            Document doc;
            try {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                f.setExpandEntityReferences(false);
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                doc = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(text)));
            } catch (Exception e) {
                throw new ConfigException(where(name) + " cannot be read as XML: " + e.getMessage()
                        + ". Fix the file, or give the settings in retort.yaml.");
            }
            NodeList units = doc.getElementsByTagNameNS("*", "persistence-unit");
            if (units.getLength() == 0) {
                return null;
            }
            Element unit = (Element) units.item(0);
            String unitName = unit.getAttribute("name");
            if (units.getLength() > 1) {
                notes.add(where(name) + " has " + units.getLength() + " persistence units; the settings of the first, '"
                        + unitName + "', are used. Give the others' settings in retort.yaml when they matter.");
            }
            Map<String, Setting> properties = new LinkedHashMap<>();
            NodeList props = unit.getElementsByTagNameNS("*", "property");
            for (int i = 0; i < props.getLength(); i++) {
                Element p = (Element) props.item(i);
                String key = p.getAttribute("name");
                Setting s = new Setting(p.getAttribute("value"), key + " of persistence unit '" + unitName + "' in "
                        + where(name));
                Setting r = resolved(key, s);
                if (r != null) {
                    properties.put(key, r);
                }
            }
            return new PersistenceUnit(properties);
        }

        private record PersistenceUnit(Map<String, Setting> properties) {
        }

        /** The file's text from the class path, or null when it is not there. */
        private String text(String name) {
            URL url = loader.getResource(name);
            if (url == null) {
                return null;
            }
            locations.put(name, location(url));
            try (InputStream in = url.openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ConfigException("Cannot read " + url + ": " + e.getMessage() + ". Make it readable, or "
                        + "take it off the entities' class path.");
            }
        }

        private final Map<String, String> locations = new LinkedHashMap<>();

        /** The file's path as found, with what part of it is meant ({@code (the document for profile dev)}). */
        private String where(String name) {
            int part = name.indexOf(" (");
            String base = part > 0 ? name.substring(0, part) : name;
            String loc = locations.get(base);
            return (loc == null ? base : loc) + (part > 0 ? name.substring(part) : "");
        }

        /** Where a resource lies: its file, or its jar and the name in it. */
        private static String location(URL url) {
            String s = url.toString();
            int bang = s.indexOf("!/");
            if (bang > 0 && s.startsWith("jar:")) {
                return pathOf(s.substring(4, bang)) + s.substring(bang);
            }
            return pathOf(s);
        }

        private static String pathOf(String url) {
            try {
                return Path.of(new java.net.URI(url)).toString();
            } catch (Exception e) {
                return url;
            }
        }
    }
}
