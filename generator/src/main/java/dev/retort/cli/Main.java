package dev.retort.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code retort} command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // On the file descriptors rather than System.out: a PrintStream swallows a failed write without a trace, so
        // a full disk or a closed pipe could not be noticed (see run).
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        int code = run(CliContext.system(), out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs one command and returns its exit code; nothing here calls {@code System.exit}. Output that could not be
     * written (stdout closed, or a full disk behind {@code > file}) is an error: a script cut short must not look
     * like a finished one.
     */
    public static int run(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        int code = RetortCommand.commandLine(context, out, err).execute(args);
        if (out.checkError() && code != RetortCommand.ERROR) {
            err.println("ERROR: Cannot write to standard output: it was closed (a pipe whose reader stopped early, "
                    + "such as head) or what it goes to is full. The output is incomplete; run again with stdout "
                    + "redirected to a file on a disk with free space.");
            err.flush();
            return RetortCommand.ERROR;
        }
        return code;
    }
}
