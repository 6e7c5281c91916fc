/**
 * The {@code retort} command line (picocli): one small class per command, each parsing its options and
 * calling {@link dev.retort.cli.Workspace}. Exit codes: 0 success, 1 drift found by {@code check}, 2 any
 * usage, configuration, database or revision error.
 */
package dev.retort.cli;
