package dev.retort.journal.model;

/** Where an account stands. */
public enum UserStatus {
    ACTIVE, SUSPENDED, DELETED
}
