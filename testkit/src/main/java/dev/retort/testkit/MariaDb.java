package dev.retort.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link TestDatabase} parameter: {@link FreshDatabase} gives a fresh MariaDB database instead of a
 * PostgreSQL one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface MariaDb {
}
