package dev.retort.maven;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Retort's command line in a class loader of its own, over the application's own Hibernate ORM instead of the one
 * Retort is built with: Retort's jars and the application's Hibernate, above nothing but the JDK. The entity
 * classes load beneath it (the command line's own entity class loader), so they see the application's Hibernate
 * and persistence API. Only JDK types cross ({@code dev.retort.cli.Embedded}); one realm per set of jars is kept
 * for the build, as each goal of a build reads with the same.
 */
final class HibernateRealm {

    private static final Map<List<File>, HibernateRealm> REALMS = new ConcurrentHashMap<>();

    private final Method run;

    private HibernateRealm(Method run) {
        this.run = run;
    }

    /** Whether Retort reads with this Hibernate ORM version: 7.2 and later 7.x (tested with 7.2.19 and 7.4). */
    static boolean canRead(String version) {
        String[] parts = version.split("[.-]");
        try {
            return parts.length > 1 && Integer.parseInt(parts[0]) == 7 && Integer.parseInt(parts[1]) >= 2;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static HibernateRealm of(List<File> retort, List<File> hibernate) throws MojoExecutionException {
        List<File> jars = new ArrayList<>(retort);
        jars.addAll(hibernate);
        HibernateRealm known = REALMS.get(jars);
        if (known != null) {
            return known;
        }
        List<URL> urls = new ArrayList<>();
        for (File jar : jars) {
            try {
                urls.add(jar.toURI().toURL());
            } catch (MalformedURLException e) {
                throw new MojoExecutionException("Bad class path entry " + jar + ": " + e.getMessage(), e);
            }
        }
        URLClassLoader loader = new URLClassLoader("retort-" + hibernate.size(), urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
        try {
            Method run = loader.loadClass("dev.retort.cli.Embedded").getMethod("run", Map.class, String.class,
                    String[].class, Map.class);
            HibernateRealm realm = new HibernateRealm(run);
            REALMS.put(jars, realm);
            return realm;
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new MojoExecutionException("Cannot start Retort over the project's Hibernate ORM (" + e + "). Read "
                    + "with Retort's own: -Dretort.hibernate=retort.", e);
        }
    }

    Object[] run(Map<String, String> env, String workingDirectory, String[] args, Map<String, Object> configuration)
            throws MojoExecutionException {
        try {
            return (Object[]) run.invoke(null, env, workingDirectory, args, configuration);
        } catch (InvocationTargetException e) {
            throw new MojoExecutionException("Retort failed over the project's Hibernate ORM: " + e.getCause()
                    + ". Read with Retort's own (-Dretort.hibernate=retort), and report it.", e.getCause());
        } catch (IllegalAccessException e) {
            throw new MojoExecutionException("Cannot run Retort over the project's Hibernate ORM: " + e, e);
        }
    }
}
