package dev.retort.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A build tool's own configuration, laid over retort.yaml's (or over none when there is no file): each value given
 * replaces the file's, the rest of the file stays. Built from plain values ({@link #fromMap}) so that it crosses
 * class loaders: the Maven plugin may run Retort in a loader of its own, with the application's Hibernate.
 *
 * <p>Keys of the map, all optional: {@code migrationsDirectory}, {@code defaultMigrationsDirectory} (used when
 * neither names one), {@code migrationsPackage}, {@code versionTable}, {@code schema}, {@code physicalNaming},
 * {@code implicitNaming} (Strings); {@code include}, {@code exclude}, {@code schemas}, {@code classpath} (Lists of
 * Strings; the class path is added before the file's own entries); {@code settings} (a Map of Strings);
 * {@code environments} (a List of Maps with {@code name}, {@code url}, {@code user}, {@code password}).
 * Values are final: {@code ${VAR}} in them is not expanded.
 */
public final class ConfigOverlay {

    private final Map<String, Object> values;

    private ConfigOverlay(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    public static ConfigOverlay fromMap(Map<String, ?> values) {
        Map<String, Object> copy = new TreeMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return new ConfigOverlay(copy);
    }

    public RetortConfig apply(RetortConfig file) {
        String pkg = string("migrationsPackage");
        String dir = string("migrationsDirectory");
        if (dir == null && file.migrations().directory() == null) {
            dir = string("defaultMigrationsDirectory");
        }
        MigrationsConfig migrations = new MigrationsConfig(dir != null ? dir : file.migrations().directory(),
                pkg != null ? pkg : file.migrations().packageName());
        Map<String, EnvironmentConfig> environments = new TreeMap<>(file.environments());
        for (Map<?, ?> e : list("environments", Map.class)) {
            String name = (String) e.get("name");
            if (name == null || name.isBlank()) {
                throw new ConfigException("Each environment of the build's configuration needs a name (dev, prod, "
                        + "...): <environment><name>prod</name><url>...</url></environment>.");
            }
            environments.put(name, EnvironmentConfig.ofValues((String) e.get("url"), (String) e.get("user"),
                    (String) e.get("password")));
        }
        EntitiesConfig fe = file.entities();
        Map<String, String> settings = new TreeMap<>(fe.settings());
        Object given = values.get("settings");
        if (given instanceof Map<?, ?> m) {
            m.forEach((k, v) -> settings.put(String.valueOf(k), String.valueOf(v)));
        }
        List<String> classpath = new ArrayList<>(list("classpath", String.class));
        for (String entry : fe.classpath()) {
            String absolute = file.baseDirectory().resolve(entry).normalize().toString();
            if (!classpath.contains(absolute)) {
                classpath.add(absolute);
            }
        }
        String physical = string("physicalNaming");
        String implicit = string("implicitNaming");
        EntitiesConfig entities = new EntitiesConfig(fe.packages(), classpath, new EntitiesConfig.NamingConfig(
                physical != null ? physical : fe.naming().physical(),
                implicit != null ? implicit : fe.naming().implicit()), settings);
        String versionTable = string("versionTable");
        String schema = string("schema");
        return new RetortConfig(file.file(), file.baseDirectory(), migrations,
                versionTable != null ? versionTable : file.versionTable(), schema != null ? schema : file.schema(),
                environments, entities,
                values.containsKey("include") ? list("include", String.class) : file.include(),
                values.containsKey("exclude") ? list("exclude", String.class) : file.exclude(),
                values.containsKey("schemas") ? list("schemas", String.class) : file.schemas(), file.lint(), file.locks(), file.online());
    }

    private String string(String key) {
        Object v = values.get(key);
        return v == null || v.toString().isBlank() ? null : v.toString();
    }

    private <T> List<T> list(String key, Class<T> type) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (Object item : (List<?>) v) {
            out.add(type.cast(item));
        }
        return out;
    }
}
