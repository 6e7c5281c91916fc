package dev.retort.hibernate;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Hibernate quiet while entities are read: Retort's output is its own, and what Hibernate would log (its
 * version banner, deprecation notes, the offline "database info") either does not concern the user or reaches
 * them as an exception. Hibernate logs through jboss-logging, which uses {@code java.util.logging} when no other
 * logging framework is on the class path (as in Retort's own jar); its loggers are switched off while any read
 * runs and restored when the last one ends.
 */
final class QuietHibernate implements AutoCloseable {

    private static final List<String> LOGGERS = List.of("org.hibernate", "org.jboss.logging");

    // Logging configuration is global, so the bookkeeping of who silenced it has to be too.
    private static final Object LOCK = new Object();
    private static int active;
    private static List<Logger> loggers;
    private static List<Level> levels;

    private QuietHibernate() {
    }

    static QuietHibernate start() {
        synchronized (LOCK) {
            if (active++ == 0) {
                if (System.getProperty("org.jboss.logging.provider") == null) {
                    // Before jboss-logging picks a provider, make it pick java.util.logging, which we can switch off.
                    System.setProperty("org.jboss.logging.provider", "jdk");
                }
                // Held strongly: java.util.logging forgets a logger's level once nothing references the logger.
                loggers = LOGGERS.stream().map(Logger::getLogger).toList();
                levels = loggers.stream().map(Logger::getLevel).toList();
                loggers.forEach(l -> l.setLevel(Level.OFF));
            }
        }
        return new QuietHibernate();
    }

    @Override
    public void close() {
        synchronized (LOCK) {
            if (--active == 0) {
                for (int i = 0; i < loggers.size(); i++) {
                    loggers.get(i).setLevel(levels.get(i));
                }
                loggers = null;
                levels = null;
            }
        }
    }
}
