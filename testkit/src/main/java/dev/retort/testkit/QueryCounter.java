package dev.retort.testkit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the round trips made through a {@link Connection}: every statement execution, and every
 * {@link DatabaseMetaData} call that returns a result set (a query too). Used to prove a reader issues a fixed
 * number of queries, and by the benchmark to report them.
 */
public final class QueryCounter {

    private final AtomicInteger count = new AtomicInteger();

    /** {@code connection}, counted: statements and metadata it hands out are counted too. */
    public Connection wrap(Connection connection) {
        return proxy(Connection.class, connection, result -> {
            if (result instanceof CallableStatement s) {
                return counting(CallableStatement.class, s);
            } else if (result instanceof PreparedStatement s) {
                return counting(PreparedStatement.class, s);
            } else if (result instanceof Statement s) {
                return counting(Statement.class, s);
            } else if (result instanceof DatabaseMetaData m) {
                return proxy(DatabaseMetaData.class, m, r -> {
                    if (r instanceof ResultSet) {
                        count.incrementAndGet();
                    }
                    return r;
                }, false);
            }
            return result;
        }, false);
    }

    /** Round trips so far. */
    public int count() {
        return count.get();
    }

    /** Round trips since the last call, starting the count again. */
    public int takeCount() {
        return count.getAndSet(0);
    }

    private <T extends Statement> T counting(Class<T> type, T statement) {
        return proxy(type, statement, r -> r, true);
    }

    private interface After {
        Object apply(Object result);
    }

    private <T> T proxy(Class<T> type, T target, After after, boolean countExecutes) {
        Object proxy = Proxy.newProxyInstance(QueryCounter.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    if (countExecutes && method.getName().startsWith("execute")) {
                        count.incrementAndGet();
                    }
                    try {
                        return after.apply(method.invoke(target, args));
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return type.cast(proxy);
    }
}
