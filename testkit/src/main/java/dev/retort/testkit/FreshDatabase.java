package dev.retort.testkit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving each test method that declares a {@link TestDatabase} parameter a fresh database,
 * dropped after the test: {@code @ExtendWith(FreshDatabase.class)}; a parameter marked {@link MariaDb} gets a MariaDB one.
 */
public final class FreshDatabase implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FreshDatabase.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        boolean mariadb = parameter.isAnnotated(MariaDb.class);
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(mariadb ? "mariadb" : "db",
                k -> mariadb ? TestDatabase.createMariaDb() : TestDatabase.create(), TestDatabase.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (String key : new String[] {"db", "mariadb"}) {
            TestDatabase db = context.getStore(NAMESPACE).remove(key, TestDatabase.class);
            if (db != null) {
                db.close();
            }
        }
    }
}
