package dev.retort.migration.internal;

import java.util.List;

/** The migration sources do not compile; the message carries the compiler's diagnostics with file and line. */
public class MigrationCompileException extends RevisionGraphException {

    private final List<String> diagnostics;

    public MigrationCompileException(String directory, List<String> diagnostics) {
        super("The migrations in " + directory + " do not compile:\n  " + String.join("\n  ", diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<String> diagnostics() {
        return diagnostics;
    }
}
