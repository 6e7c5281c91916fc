/**
 * The user's private cache folder, where Retort keeps results it can always compute again: compiled
 * migrations and the schemas entity classes describe.
 */
package dev.retort.cache;
