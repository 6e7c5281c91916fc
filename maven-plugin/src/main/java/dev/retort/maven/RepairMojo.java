package dev.retort.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code retort repair}: clears the record of a revision that stopped half way on a database whose DDL is not
 * transactional (MariaDB), once the database is back at the revision before it: {@code mvn retort:repair}.
 */
@Mojo(name = "repair", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RepairMojo extends AbstractRetortMojo {

    @Override
    boolean readsEntities() {
        return false;
    }

    @Override
    List<String> command() {
        return List.of("repair");
    }
}
