package dev.retort.diff;

import dev.retort.op.AddEnumValue;
import dev.retort.op.CreateEnumType;
import dev.retort.op.DropEnumType;
import dev.retort.schema.EnumType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** PostgreSQL enum types: created, dropped, or extended with new values. */
final class EnumTypeComparator {

    void compare(List<EnumType> desired, List<EnumType> actual, Plan plan) {
        Map<String, EnumType> existing = actual.stream().collect(Collectors.toMap(EnumType::name, Function.identity()));
        Set<String> wanted = new HashSet<>();
        for (EnumType type : desired) {
            wanted.add(type.name());
            EnumType current = existing.get(type.name());
            if (current == null) {
                plan.add(Phase.CREATE_TYPES_AND_SEQUENCES, new CreateEnumType(type));
            } else if (!current.values().equals(type.values())) {
                extend(current, type, plan);
            }
        }
        for (EnumType type : actual) {
            if (!wanted.contains(type.name())) {
                plan.add(Phase.DROP_TYPES_AND_SEQUENCES, new DropEnumType(type.name(), type));
            }
        }
    }

    /** Adds the new values in place when the old ones keep their order; anything else needs a hand. */
    private static void extend(EnumType current, EnumType desired, Plan plan) {
        List<String> kept = desired.values().stream().filter(current.values()::contains).toList();
        if (!kept.equals(current.values())) {
            plan.unsupported(null, null, "Enum type " + current.name() + " changes from " + current.values() + " to "
                    + desired.values() + ": PostgreSQL cannot remove or reorder enum values. Write this migration by "
                    + "hand (create a new type, convert the columns with USING, drop the old type).");
            return;
        }
        List<String> values = desired.values();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (current.values().contains(value)) {
                continue;
            }
            if (i > 0) {
                plan.add(Phase.ADD_ENUM_VALUES, new AddEnumValue(desired.name(), value, null, values.get(i - 1)));
            } else {
                plan.add(Phase.ADD_ENUM_VALUES, new AddEnumValue(desired.name(), value, current.values().get(0), null));
            }
        }
    }
}
