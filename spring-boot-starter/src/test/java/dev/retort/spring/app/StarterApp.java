package dev.retort.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small application using the starter: one entity, its migrations in {@code dev.retort.spring.app.migrations}. */
@SpringBootApplication
public class StarterApp {
}
