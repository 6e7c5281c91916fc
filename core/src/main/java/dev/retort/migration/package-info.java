/**
 * What a migration author compiles against, and nothing else: the {@link dev.retort.migration.Migration}
 * interface, the {@link dev.retort.migration.Revision} annotation, the {@link dev.retort.migration.Operations}
 * handed to {@code upgrade} and {@code downgrade}, and the {@link dev.retort.migration.IrreversibleMigrationException}
 * a downgrade throws where it cannot undo its upgrade. The definitions those operations take (tables, columns,
 * indexes, constraints) are built with {@code dev.retort.schema}. Loading, ordering and running revisions is
 * {@code dev.retort.migration.internal} and {@code dev.retort.runtime}: not for migrations to call.
 */
package dev.retort.migration;
