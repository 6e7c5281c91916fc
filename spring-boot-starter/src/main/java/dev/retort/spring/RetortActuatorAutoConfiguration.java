package dev.retort.spring;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code retort} Actuator endpoint and health indicator, when Actuator is on the class path. */
@AutoConfiguration(after = RetortAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(RetortMigrator.class)
public class RetortActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    public RetortEndpoint retortEndpoint(RetortMigrator migrator) {
        return new RetortEndpoint(migrator);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("retort")
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "retortHealthIndicator")
        RetortHealthIndicator retortHealthIndicator(RetortMigrator migrator) {
            return new RetortHealthIndicator(migrator);
        }
    }
}
