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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
