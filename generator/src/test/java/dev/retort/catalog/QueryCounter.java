package dev.retort.catalog;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a {@link Connection} so every statement execution through it (and every {@link DatabaseMetaData}
 * call returning a result set, which is a query too) is counted.
 */
final class QueryCounter {

    private final AtomicInteger count = new AtomicInteger();

    int count() {
        return count.get();
    }

    Connection wrap(Connection connection) {
        return proxy(Connection.class, connection, (method, result) -> {
            if (result instanceof CallableStatement s) {
                return counting(CallableStatement.class, s);
            } else if (result instanceof PreparedStatement s) {
                return counting(PreparedStatement.class, s);
            } else if (result instanceof Statement s) {
                return counting(Statement.class, s);
            } else if (result instanceof DatabaseMetaData m) {
                return proxy(DatabaseMetaData.class, m, (metaMethod, metaResult) -> {
                    if (metaResult instanceof ResultSet) {
                        count.incrementAndGet();
                    }
                    return metaResult;
                });
            }
            return result;
        });
    }

    private <T extends Statement> T counting(Class<T> type, T statement) {
        return proxy(type, statement, (method, result) -> result, method -> {
            if (method.getName().startsWith("execute")) {
                count.incrementAndGet();
            }
        });
    }

    private interface AfterCall {
        Object apply(Method method, Object result) throws Exception;
    }

    private interface BeforeCall {
        void accept(Method method);
    }

    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        return proxy(type, target, after, method -> { });
    }

    private static <T> T proxy(Class<T> type, T target, AfterCall after, BeforeCall before) {
        Object proxy = Proxy.newProxyInstance(QueryCounter.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    before.accept(method);
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return after.apply(method, result);
                });
        return type.cast(proxy);
    }
}
