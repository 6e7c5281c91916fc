package dev.retort.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every subcommand has: the root command's shared options, and the output and error streams. */
abstract class BaseCommand implements Callable<Integer> {

    @ParentCommand
    RetortCommand root;

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Workspace workspace() {
        return root.workspace();
    }

    /**
     * For {@code --verbose}: each setting that shapes the entities' DDL or picks the database, on stderr, with where
     * it came from.
     */
    void describeSettings(boolean verbose) {
        if (!verbose) {
            return;
        }
        PrintWriter err = err();
        for (String line : workspace().describeSettings()) {
            err.println("setting: " + dev.retort.InertText.line(line));
        }
        err.flush();
    }

    /** Where notes for {@code --debug} go: stderr, prefixed {@code debug: }, when it is given; nowhere otherwise. */
    Consumer<String> debug() {
        if (!root.debug) {
            return note -> { };
        }
        PrintWriter err = err();
        return note -> {
            err.println("debug: " + note);
            err.flush();
        };
    }
}
