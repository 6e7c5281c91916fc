/**
 * Internal: how Retort finds, compiles, loads and orders migrations ({@link
 * dev.retort.migration.internal.RevisionGraph}, {@link dev.retort.migration.internal.LoadedRevision}, package
 * scanning, the compile cache) and the {@link dev.retort.migration.internal.OperationExecutor} that
 * {@link dev.retort.migration.Operations} hands each operation to. Not an API: it changes in any release, and a
 * migration never needs it.
 */
package dev.retort.migration.internal;
