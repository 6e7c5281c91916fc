package dev.retort.hibernate;

import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.boot.registry.selector.spi.StrategySelector;

/**
 * Turns {@link NamingSettings} into Hibernate strategy instances: presets here, Hibernate's short names and
 * class names through Hibernate's own {@link StrategySelector} (which loads from the entity class loader).
 */
final class NamingStrategies {

    private final StrategySelector selector;
    private final ClassLoader loader;

    NamingStrategies(StrategySelector selector, ClassLoader loader) {
        this.selector = selector;
        this.loader = loader;
    }

    /** The physical strategy, or {@code null} for Hibernate's default. */
    PhysicalNamingStrategy physical(String setting) {
        if (setting == null || setting.equals(NamingSettings.DEFAULT_PRESET)) {
            return null;
        }
        if (setting.equals(NamingSettings.SPRING_PRESET)) {
            return new PhysicalNamingStrategySnakeCaseImpl();
        }
        return resolve(PhysicalNamingStrategy.class, setting, "physical");
    }

    /** The implicit strategy, or {@code null} for Hibernate's default. */
    ImplicitNamingStrategy implicit(String setting) {
        if (setting == null || setting.equals(NamingSettings.DEFAULT_PRESET)) {
            return null;
        }
        if (setting.equals(NamingSettings.SPRING_PRESET)) {
            return springImplicit();
        }
        return resolve(ImplicitNamingStrategy.class, setting, "implicit");
    }

    private ImplicitNamingStrategy springImplicit() {
        for (String name : NamingSettings.SPRING_IMPLICIT_CLASSES) {
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (ImplicitNamingStrategy.class.isAssignableFrom(type)) {
                    return (ImplicitNamingStrategy) type.getDeclaredConstructor().newInstance();
                }
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                // not there (or not usable with this Hibernate): ours behaves the same
            }
        }
        return new SpringImplicitNamingStrategy();
    }

    private <T> T resolve(Class<T> kind, String name, String what) {
        try {
            Object strategy = selector.resolveStrategy(kind, name);
            if (!kind.isInstance(strategy)) {
                throw new IllegalArgumentException(name + " does not implement " + kind.getName());
            }
            return kind.cast(strategy);
        } catch (RuntimeException | LinkageError e) {
            throw new EntityMappingException(name, "Cannot use " + name + " as the " + what + " naming strategy: "
                    + rootMessage(e) + ". Give \"" + NamingSettings.DEFAULT_PRESET + "\", \""
                    + NamingSettings.SPRING_PRESET + "\" or the fully qualified name of a class implementing "
                    + kind.getName() + " with a public no-argument constructor, on the entities' class path.", e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
