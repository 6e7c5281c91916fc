package dev.retort.hibernate;

import java.util.Comparator;

/** Turns what Hibernate throws while binding the entities into an {@link EntityMappingException} naming the entity. */
final class MappingFailures {

    private MappingFailures() {
    }

    static EntityMappingException rejected(Throwable failure, EntityClasses classes) {
        String message = NamingStrategies.rootMessage(failure);
        String culprit = culprit(failure, classes);
        String subject = culprit != null ? "the entity " + culprit : "the entities";
        return new EntityMappingException(culprit != null ? culprit : "entities",
                "Hibernate rejects the mapping of " + subject + ": " + firstLine(message)
                        + ". Fix the mapping so that Hibernate accepts it (the application would fail to start"
                        + " the same way), then run Retort again.", failure);
    }

    /** The longest scanned class name mentioned by the failure (or its causes), or its simple name. */
    private static String culprit(Throwable failure, EntityClasses classes) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = String.valueOf(t.getMessage());
            String found = classes.classes().stream()
                    .map(Class::getName)
                    .filter(text::contains)
                    .max(Comparator.comparingInt(String::length))
                    .orElse(null);
            if (found != null) {
                return found;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = String.valueOf(t.getMessage());
            for (Class<?> type : classes.classes()) {
                if (text.matches("(?s).*\\b" + type.getSimpleName() + "\\b.*")) {
                    return type.getName();
                }
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        String line = message.strip();
        int newline = line.indexOf('\n');
        line = newline >= 0 ? line.substring(0, newline) : line;
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
