/**
 * {@code retort.yaml}: reading it (Jackson YAML), {@code ${VAR}} interpolation from the environment, and
 * choosing the database connection by precedence ({@code --url} &gt; {@code RETORT_URL} &gt;
 * {@code DATABASE_URL} &gt; the selected environment).
 */
package dev.retort.config;
