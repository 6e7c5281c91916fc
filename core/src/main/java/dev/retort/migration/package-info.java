/**
 * What a migration author touches: {@link dev.retort.migration.Migration}, the
 * {@link dev.retort.migration.Revision} annotation and the {@link dev.retort.migration.Operations} facade;
 * plus the {@link dev.retort.migration.RevisionGraph} that loads and validates a folder or package of them.
 */
package dev.retort.migration;
