package dev.retort.journal.model;

/** How the writer felt; stored as the PostgreSQL enum type {@code mood}. */
public enum Mood {
    AWFUL, BAD, OKAY, GOOD, GREAT
}
