package dev.retort.testkit.postgres;

import dev.retort.testkit.JdbcUrls;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/** The Testcontainers fallback, loaded only when no other server is reachable. */
final class ContainerServer {

    private static PostgreSQLContainer<?> container;

    private ContainerServer() {
    }

    /** Starts PostgreSQL 15 in Docker and returns its admin URL, or {@code null} where Docker is unavailable. */
    static synchronized String startIfDockerAvailable() {
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return null;
            }
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
        if (container == null) {
            PostgreSQLContainer<?> started = new PostgreSQLContainer<>("postgres:15");
            started.start();
            container = started;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        String url = JdbcUrls.withDatabase(container.getJdbcUrl(), "postgres");
        return url + (url.contains("?") ? "&" : "?") + "user=" + container.getUsername()
                + "&password=" + container.getPassword();
    }
}
