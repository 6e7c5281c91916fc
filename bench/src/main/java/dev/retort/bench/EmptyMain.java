package dev.retort.bench;

/** The JVM floor: a main that does nothing, started with the command line's flags. */
public final class EmptyMain {

    private EmptyMain() {
    }

    public static void main(String[] args) {
        // nothing: what remains is the JVM's own start and exit
    }
}
