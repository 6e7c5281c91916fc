package dev.retort.journal.model;

/** A component's health. */
public enum HealthStatus {
    UP, DEGRADED, DOWN
}
