package dev.retort.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code retort} command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(CliContext.system(), out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command and returns its exit code; nothing here calls {@code System.exit}. */
    public static int run(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        return RetortCommand.commandLine(context, out, err).execute(args);
    }
}
