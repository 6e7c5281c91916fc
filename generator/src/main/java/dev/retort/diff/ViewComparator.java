package dev.retort.diff;

import dev.retort.op.CreateView;
import dev.retort.op.DropView;
import dev.retort.schema.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Views by name: created, dropped, or replaced (dropped and created again) when the server's text of the desired
 * query differs from the one it has. PostgreSQL refuses to drop or re-type a column a view uses, and
 * {@code CREATE OR REPLACE VIEW} cannot drop or re-type the view's own columns, so a changed view is dropped
 * before every other change and created after them; so is an unchanged view over a table, column or key the
 * plan removes or re-types ({@link #rebuildOverChanges}).
 */
final class ViewComparator {

    private final ComparisonDialect dialect;
    /** Views the same on both sides, with the schema they are in ({@code null}: the working one). */
    private record Unchanged(String schema, View desired, View actual) {
    }

    private final List<Unchanged> unchanged = new ArrayList<>();

    ViewComparator(ComparisonDialect dialect) {
        this.dialect = dialect;
    }

    void compare(List<View> desired, List<View> actual, Plan plan) {
        Map<String, View> existing = actual.stream().collect(Collectors.toMap(View::name, Function.identity()));
        Set<String> wanted = desired.stream().map(View::name).collect(Collectors.toSet());
        for (View view : desired) {
            View current = existing.get(view.name());
            if (current == null) {
                plan.add(Phase.CREATE_VIEWS, new CreateView(view));
            } else if (!dialect.sameView(view.name(), view.query(), current.query())) {
                plan.add(Phase.DROP_VIEWS, new DropView(current.name(), current));
                plan.add(Phase.CREATE_VIEWS, new CreateView(view));
            } else {
                unchanged.add(new Unchanged(plan.currentSchema(), view, current));
            }
        }
        for (View view : actual) {
            if (!wanted.contains(view.name())) {
                plan.add(Phase.DROP_VIEWS, new DropView(view.name(), view));
            }
        }
    }

    /** Called once the tables are compared: rebuilds the unchanged views over what the plan removes. */
    void rebuildOverChanges(Plan plan) {
        if (unchanged.isEmpty()) {
            return;
        }
        Set<String> removed = plan.keys().removed();
        String was = plan.currentSchema();
        for (Unchanged view : unchanged) {
            plan.inSchema(view.schema());
            if (plan.footprintHere(new CreateView(view.actual())).requires().stream().anyMatch(removed::contains)) {
                plan.add(Phase.DROP_VIEWS, new DropView(view.actual().name(), view.actual()));
                plan.add(Phase.CREATE_VIEWS, new CreateView(view.desired()));
            }
        }
        plan.inSchema(was);
    }
}
