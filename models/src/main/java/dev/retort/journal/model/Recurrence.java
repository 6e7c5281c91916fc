package dev.retort.journal.model;

/** How often a reminder comes back after it is done. */
public enum Recurrence {
    NONE, DAILY, WEEKLY, MONTHLY, YEARLY
}
