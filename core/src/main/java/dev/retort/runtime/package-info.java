/**
 * Applying migrations: the version table, target resolution, the runner (one transaction per revision under
 * a PostgreSQL advisory lock) and the offline SQL script writer.
 */
package dev.retort.runtime;
