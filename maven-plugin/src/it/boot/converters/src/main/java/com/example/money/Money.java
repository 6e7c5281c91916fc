package com.example.money;

/** An amount in cents; stored as a bigint by {@link CentsConverter}. */
public record Money(long cents) {
}
