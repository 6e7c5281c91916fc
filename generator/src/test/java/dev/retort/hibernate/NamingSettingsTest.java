package dev.retort.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Naming settings as Hibernate's own properties")
class NamingSettingsTest {

    @Test
    @DisplayName("the spring preset is Boot's snake case physical strategy and, without Boot, Retort's implicit twin")
    void springPreset() {
        assertEquals("org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl",
                NamingSettings.SPRING.hibernatePhysical());
        assertEquals(SpringImplicitNamingStrategy.class.getName(),
                NamingSettings.SPRING.hibernateImplicit(getClass().getClassLoader()));
    }

    @Test
    @DisplayName("default is Hibernate's default (no property); a class or short name passes as it is")
    void defaultAndNames() {
        assertNull(NamingSettings.preset("default").hibernatePhysical());
        assertNull(NamingSettings.DEFAULT.hibernateImplicit(getClass().getClassLoader()));
        NamingSettings given = new NamingSettings("com.acme.Physical", "legacy-jpa");
        assertEquals("com.acme.Physical", given.hibernatePhysical());
        assertEquals("legacy-jpa", given.hibernateImplicit(getClass().getClassLoader()));
    }
}
