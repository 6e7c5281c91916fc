/**
 * The journal application's entities (Hibernate 7, jakarta.persistence): users and their journal entries,
 * tags and reminders; end-to-end encryption (secret tags stored only as keyed hashes, wrapped data keys,
 * encrypted blobs, OPAQUE login sessions); monitoring (system health, alert rules, alerts).
 *
 * <p>Rows that belong to a user go with the user ({@code ON DELETE CASCADE}); the server never holds a
 * readable secret: every secret column is ciphertext, a wrapped key or a keyed hash.
 */
package dev.retort.journal.model;
