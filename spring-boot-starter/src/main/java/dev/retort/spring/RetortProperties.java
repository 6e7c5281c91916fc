package dev.retort.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code retort.*}: how the application brings its database to its migrations' revision on start-up. */
@ConfigurationProperties(prefix = "retort")
public class RetortProperties {

    /** Whether to migrate on start-up at all. */
    private boolean enabled = true;

    /** The package(s) of the compiled migrations (subpackages included). */
    private List<String> migrationsPackage = new ArrayList<>();

    /** The revision to upgrade to: head, a revision id, or head's relative form such as -1. */
    private String target = "head";

    /** The table recording applied revisions. */
    private String versionTable = "retort_version";

    /** The PostgreSQL schema to migrate in (its version table lives there); default: the connection's. */
    private String schema;

    /** A JDBC URL to migrate with instead of the application's DataSource (an owner login, for example). */
    private String url;

    /** The user for {@code retort.url}, or for the application's DataSource when only this is given. */
    private String user;

    /** The password for {@code retort.user}. */
    private String password;

    /** Refuse to start when the database records a revision the migrations do not know (it is ahead of the code). */
    private boolean failOnUnknownRevision = true;

    /** Apply nothing: start only when the database is already at the target (migrations run as a separate step). */
    private boolean validateOnly;

    /**
     * PostgreSQL's lock_timeout for the migration session: how long to wait for the migration lock another instance
     * holds, and for each table lock a migration takes. Default: wait as long as it takes.
     */
    private Duration lockTimeout;

    /**
     * How many times a revision that gave up waiting for a table lock (lock-timeout), and left nothing behind, is run
     * again before start-up fails naming the session that held the lock.
     */
    private int lockRetries;

    /** The wait before the first retry; each further one waits twice as long, at most a minute. */
    private Duration lockRetryDelay = Duration.ofSeconds(1);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getMigrationsPackage() {
        return migrationsPackage;
    }

    public void setMigrationsPackage(List<String> migrationsPackage) {
        this.migrationsPackage = migrationsPackage;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getVersionTable() {
        return versionTable;
    }

    public void setVersionTable(String versionTable) {
        this.versionTable = versionTable;
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isFailOnUnknownRevision() {
        return failOnUnknownRevision;
    }

    public void setFailOnUnknownRevision(boolean failOnUnknownRevision) {
        this.failOnUnknownRevision = failOnUnknownRevision;
    }

    public boolean isValidateOnly() {
        return validateOnly;
    }

    public void setValidateOnly(boolean validateOnly) {
        this.validateOnly = validateOnly;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public int getLockRetries() {
        return lockRetries;
    }

    public void setLockRetries(int lockRetries) {
        this.lockRetries = lockRetries;
    }

    public Duration getLockRetryDelay() {
        return lockRetryDelay;
    }

    public void setLockRetryDelay(Duration lockRetryDelay) {
        this.lockRetryDelay = lockRetryDelay;
    }
}
