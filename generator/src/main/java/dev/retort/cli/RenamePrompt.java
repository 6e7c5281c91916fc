package dev.retort.cli;

import dev.retort.diff.Renames;
import java.io.Console;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Asks, as Django's makemigrations does, whether a dropped and an added table or column are one renamed:
 * {@code Did you rename users.display_name to users.full_name (varchar(100))? [y/N]}. Only when stdin and stdout are
 * a terminal (a person is there to answer); anything but y or yes is no.
 */
final class RenamePrompt {

    private RenamePrompt() {
    }

    /** The prompt on this process's terminal, or {@code null} when there is none. */
    static Predicate<Renames.Candidate> ifTerminal() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        return candidate -> {
            String answer = console.readLine("%s [y/N] ", candidate.question());
            if (answer == null) {
                return false;
            }
            String a = answer.strip().toLowerCase(Locale.ROOT);
            return a.equals("y") || a.equals("yes");
        };
    }
}
