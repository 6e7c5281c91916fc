package dev.retort.journal.model;

/** How an alert rule compares a metric with its threshold. */
public enum Comparison {
    GT, GTE, LT, LTE, EQ
}
