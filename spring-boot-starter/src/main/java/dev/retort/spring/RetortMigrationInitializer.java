package dev.retort.spring;

import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the start-up migration when the context creates it: before the EntityManagerFactory and every JDBC user,
 * which Spring Boot makes depend on this bean ({@link RetortDatabaseInitializerDetector}).
 */
public class RetortMigrationInitializer implements InitializingBean {

    private final RetortMigrator migrator;
    private final RetortMigrationStrategy strategy;

    public RetortMigrationInitializer(RetortMigrator migrator, RetortMigrationStrategy strategy) {
        this.migrator = migrator;
        this.strategy = strategy;
    }

    @Override
    public void afterPropertiesSet() {
        if (strategy != null) {
            strategy.migrate(migrator);
        } else {
            migrator.migrate();
        }
    }
}
