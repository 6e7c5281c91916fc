package dev.retort.journal.model;

/** How urgent an alert is. */
public enum Severity {
    INFO, WARNING, CRITICAL
}
