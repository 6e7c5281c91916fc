package dev.retort.hibernate;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.hibernate.dialect.Dialect;

/**
 * The calls whose API differs between the Hibernate ORM versions Retort reads entities with: the one it is built
 * against (7.4) and an application's own 7.2 (Spring Boot 4.0's), which the Maven plugin reads with in a class
 * loader of its own. Each method is looked up once; where it is missing, this does what the older version did.
 */
final class HibernateApi {

    private static final MethodHandle COLUMN_DEFAULT_STRING = find(Dialect.class, "getColumnDefaultString",
            MethodType.methodType(String.class, String.class));

    private HibernateApi() {
    }

    /** A {@code @ColumnDefault} as the dialect writes it: 7.3 and later may respell it, 7.2 wrote it as given. */
    static String columnDefault(Dialect dialect, String value) {
        if (COLUMN_DEFAULT_STRING == null) {
            return value;
        }
        try {
            return (String) COLUMN_DEFAULT_STRING.invoke(dialect, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle find(Class<?> owner, String name, MethodType type) {
        try {
            return MethodHandles.publicLookup().findVirtual(owner, name, type);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
