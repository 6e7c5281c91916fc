package dev.retort.schema;

import java.util.Objects;

/** A {@code CHECK} constraint; {@code expression} is the boolean SQL expression without the {@code CHECK} keyword. */
public record CheckConstraint(String name, String expression) implements Constraint {

    public CheckConstraint {
        Objects.requireNonNull(expression, "expression");
        expression = expression.strip();
        if (expression.isEmpty()) {
            throw new IllegalArgumentException("A check constraint needs an expression");
        }
    }

    public static CheckConstraint of(String name, String expression) {
        return new CheckConstraint(name, expression);
    }

    /** A check PostgreSQL names itself ({@code <table>_<column>_check} or {@code <table>_check}). */
    public static CheckConstraint unnamed(String expression) {
        return new CheckConstraint(null, expression);
    }

    @Override
    public String kind() {
        return "check constraint";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
