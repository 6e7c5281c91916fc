package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("retort --version")
class VersionTest {

    @Test
    @DisplayName("prints the version the build managed once, the Hibernate that reads the entities and the Java it runs on")
    void printsVersions() {
        Cli.Result r = new Cli(Path.of(".")).run("--version");
        assertEquals(0, r.exit(), r::toString);
        String expected = "retort " + System.getProperty("retort.expected.version") + " (Hibernate ORM "
                + System.getProperty("retort.expected.hibernate") + ", Java " + Runtime.version() + ")\n";
        assertEquals(expected, r.out());
    }
}
