package dev.retort.op;

import dev.retort.schema.View;
import java.util.Objects;

/** Creates a view. */
public record CreateView(View view) implements Operation {

    public CreateView {
        Objects.requireNonNull(view, "view");
    }

    @Override
    public Operation reverse() {
        return new DropView(view.name(), view);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public String describe() {
        return "create view " + view.name();
    }
}
