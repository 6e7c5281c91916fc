package dev.retort.hibernate;

/**
 * The application's Hibernate naming strategies. Each is a preset or the fully qualified name of a class the
 * entity class loader can load; {@code null} means Hibernate's own default.
 *
 * <ul>
 *   <li>{@code "default"}: Hibernate's defaults ({@code PhysicalNamingStrategyStandardImpl},
 *       {@code ImplicitNamingStrategyJpaCompliantImpl});</li>
 *   <li>{@code "spring"}: Spring Boot's defaults, camelCase to snake_case physical names
 *       ({@code PhysicalNamingStrategySnakeCaseImpl}, formerly {@code CamelCaseToUnderscoresNamingStrategy}) and
 *       {@link SpringImplicitNamingStrategy};</li>
 *   <li>for the implicit strategy, also Hibernate's short names {@code "jpa"}, {@code "legacy-jpa"},
 *       {@code "legacy-hbm"} and {@code "component-path"}.</li>
 * </ul>
 *
 * @param physical the physical naming strategy: a preset or a class name
 * @param implicit the implicit naming strategy: a preset or a class name
 */
public record NamingSettings(String physical, String implicit) {

    public static final String DEFAULT_PRESET = "default";
    public static final String SPRING_PRESET = "spring";

    /** The physical strategy the {@code "spring"} preset stands for. */
    public static final String SPRING_PHYSICAL_CLASS = "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl";

    /**
     * Where Spring Boot 4 and Spring Boot 2/3 keep the implicit strategy the {@code "spring"} preset stands for: the
     * first on the entities' class path is used, else Retort's {@link SpringImplicitNamingStrategy}, which behaves the
     * same.
     */
    public static final java.util.List<String> SPRING_IMPLICIT_CLASSES = java.util.List.of(
            "org.springframework.boot.hibernate.SpringImplicitNamingStrategy",
            "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy");

    /** Hibernate's own defaults. */
    public static final NamingSettings DEFAULT = new NamingSettings(null, null);

    /** What Spring Boot configures unless the application says otherwise. */
    public static final NamingSettings SPRING = new NamingSettings(SPRING_PRESET, SPRING_PRESET);

    public NamingSettings {
        physical = blankToNull(physical);
        implicit = blankToNull(implicit);
    }

    /** Both strategies from one preset name ({@code "default"} or {@code "spring"}). */
    public static NamingSettings preset(String name) {
        return new NamingSettings(name, name);
    }

    /**
     * The physical strategy as the value of Hibernate's {@code hibernate.physical_naming_strategy}, or {@code null}
     * for Hibernate's default.
     */
    public String hibernatePhysical() {
        if (physical == null || physical.equals(DEFAULT_PRESET)) {
            return null;
        }
        return physical.equals(SPRING_PRESET) ? SPRING_PHYSICAL_CLASS : physical;
    }

    /**
     * The implicit strategy as the value of Hibernate's {@code hibernate.implicit_naming_strategy} (a short name or a
     * class {@code loader} can load), or {@code null} for Hibernate's default.
     */
    public String hibernateImplicit(ClassLoader loader) {
        if (implicit == null || implicit.equals(DEFAULT_PRESET)) {
            return null;
        }
        if (!implicit.equals(SPRING_PRESET)) {
            return implicit;
        }
        for (String name : SPRING_IMPLICIT_CLASSES) {
            try {
                Class.forName(name, false, loader);
                return name;
            } catch (ClassNotFoundException | LinkageError e) {
                // not there: the next one
            }
        }
        return NamingSettings.class.getPackageName() + ".SpringImplicitNamingStrategy";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
