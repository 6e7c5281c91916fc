package dev.retort.spring.app.migrations;

import dev.retort.migration.Migration;
import dev.retort.migration.Operations;
import dev.retort.migration.Revision;
import dev.retort.schema.Column;
import dev.retort.schema.PrimaryKey;

@Revision(id = "a1", message = "reminders")
public final class V1_reminders implements Migration {

    /** How many times this revision was applied in this JVM: the concurrency test counts it. */
    public static final java.util.concurrent.atomic.AtomicInteger APPLIED = new java.util.concurrent.atomic.AtomicInteger();

    /** When set, the revision waits for it, holding the migration lock: the lock-timeout test uses this. */
    public static volatile java.util.concurrent.CountDownLatch hold;

    @Override
    public void upgrade(Operations op) {
        APPLIED.incrementAndGet();
        java.util.concurrent.CountDownLatch latch = hold;
        if (latch != null) {
            try {
                latch.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        op.createTable("reminders",
                Column.of("id", "bigint").identityByDefault(),
                Column.of("title", "varchar(200)").notNull(),
                PrimaryKey.unnamed("id"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("reminders");
    }
}
