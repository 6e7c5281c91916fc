package dev.retort.spring;

import dev.retort.runtime.Runner;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * Migrates the application's database on start-up when retort-core and a DataSource are present (retort.enabled,
 * default true), before JPA and the JDBC users start.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = {"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration"})
@ConditionalOnClass(Runner.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "retort", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(RetortProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class RetortAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public RetortMigrator retortMigrator(DataSource dataSource, RetortProperties properties,
                                         ResourceLoader resourceLoader) {
        ClassLoader loader = resourceLoader.getClassLoader() != null ? resourceLoader.getClassLoader()
                : RetortAutoConfiguration.class.getClassLoader();
        return new RetortMigrator(dataSource, properties, loader);
    }

    @Bean
    @ConditionalOnMissingBean
    public RetortMigrationInitializer retortMigrationInitializer(RetortMigrator migrator,
                                                                 ObjectProvider<RetortMigrationStrategy> strategy) {
        return new RetortMigrationInitializer(migrator, strategy.getIfAvailable());
    }
}
