package dev.retort.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were measured on: CPU, memory, OS, Java, PostgreSQL and its settings. */
final class MachineFacts {

    private MachineFacts() {
    }

    static Map<String, String> collect(Server server, String pgDumpVersion) throws Exception {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("CPU", cpu());
        facts.put("Cores (available to the JVM)", String.valueOf(Runtime.getRuntime().availableProcessors()));
        facts.put("RAM", memory());
        facts.put("OS", os() + " (kernel " + System.getProperty("os.version") + ", " + System.getProperty("os.arch") + ")");
        facts.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")");
        Map<String, String> pg = server.facts();
        facts.put("PostgreSQL", pg.remove("version"));
        facts.put("pg_dump", pgDumpVersion);
        StringBuilder settings = new StringBuilder();
        pg.forEach((k, v) -> settings.append(settings.length() == 0 ? "" : ", ").append('`').append(k).append(" = ")
                .append(v).append('`'));
        facts.put("PostgreSQL settings", settings.toString());
        return facts;
    }

    private static String cpu() throws IOException {
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            for (String line : Files.readAllLines(info)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        }
        return System.getProperty("os.arch");
    }

    private static String memory() throws IOException {
        Path info = Path.of("/proc/meminfo");
        if (Files.isReadable(info)) {
            for (String line : Files.readAllLines(info)) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        }
        return "unknown";
    }

    private static String os() throws IOException {
        Path release = Path.of("/etc/os-release");
        if (Files.isReadable(release)) {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        }
        return System.getProperty("os.name");
    }

    /** The 1-, 5- and 15-minute load averages: how busy the machine was with other work. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
