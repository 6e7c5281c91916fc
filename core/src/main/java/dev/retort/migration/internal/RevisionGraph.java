package dev.retort.migration.internal;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The validated graph of migrations: every id unique, every parent present, no cycles. Answers the
 * questions the runner asks (heads, ancestors, descendants, order of application) and resolves revision
 * references (full id, unique prefix, branch label).
 */
public final class RevisionGraph {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]+");

    private final Map<String, LoadedRevision> byId;
    private final Map<String, List<String>> children;
    private final Map<String, Integer> order;
    private final Map<String, LoadedRevision> byLabel;

    private RevisionGraph(Map<String, LoadedRevision> byId) {
        this.byId = byId;
        this.children = new HashMap<>();
        byId.keySet().forEach(id -> children.put(id, new ArrayList<>()));
        for (LoadedRevision loaded : byId.values()) {
            for (String parent : loaded.parents()) {
                List<String> siblings = children.get(parent);
                if (siblings == null) {
                    throw new MissingParentException(loaded, parent);
                }
                siblings.add(loaded.id());
            }
        }
        children.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        this.order = topologicalOrder();
        this.byLabel = new HashMap<>();
        for (LoadedRevision loaded : byId.values()) {
            for (String label : loaded.branchLabels()) {
                LoadedRevision other = byLabel.put(label, loaded);
                if (other != null) {
                    throw new RevisionGraphException("Branch label '" + label + "' is declared by revision "
                            + other.id() + " (" + other.source() + ") and by revision " + loaded.id() + " ("
                            + loaded.source() + "). Branch labels must be unique.");
                }
                if (byId.containsKey(label)) {
                    throw new RevisionGraphException("Branch label '" + label + "' of revision " + loaded.id()
                            + " (" + loaded.source() + ") is also a revision id. Choose another label.");
                }
            }
        }
    }

    /** Validates and links the given migrations. */
    public static RevisionGraph of(Collection<LoadedRevision> loadedRevisions) {
        Map<String, LoadedRevision> byId = new TreeMap<>();
        for (LoadedRevision loaded : loadedRevisions) {
            if (!ID.matcher(loaded.id()).matches()) {
                throw new InvalidMigrationException(loaded.id(), loaded.source(),
                        "has an invalid id; use letters, digits and underscores only");
            }
            LoadedRevision other = byId.put(loaded.id(), loaded);
            if (other != null) {
                List<String> sources = new ArrayList<>(List.of(other.source(), loaded.source()));
                sources.sort(Comparator.naturalOrder());
                throw new DuplicateRevisionException(loaded.id(), sources.get(0), sources.get(1));
            }
        }
        return new RevisionGraph(byId);
    }

    /** Loads the {@link Migration} classes of a package (and its subpackages) on the class path. */
    public static RevisionGraph fromPackage(ClassLoader loader, String packageName) {
        return of(MigrationClasses.fromPackage(loader, packageName));
    }

    /** Loads the {@link Migration} classes of several packages (and their subpackages) into one graph. */
    public static RevisionGraph fromPackages(ClassLoader loader, Collection<String> packageNames) {
        List<LoadedRevision> all = new ArrayList<>();
        for (String packageName : packageNames) {
            all.addAll(MigrationClasses.fromPackage(loader, packageName));
        }
        return of(all);
    }

    /** Compiles the {@code .java} files under {@code directory} in memory and loads their migrations. */
    public static RevisionGraph fromSources(Path directory, ClassLoader parent) {
        return of(MigrationSources.compile(directory, parent));
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** Every revision, parents before children. */
    public List<LoadedRevision> all() {
        return sorted(byId.keySet());
    }

    public LoadedRevision get(String id) {
        LoadedRevision loaded = byId.get(id);
        if (loaded == null) {
            throw UnknownRevisionException.notFound(id);
        }
        return loaded;
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** Revisions no other revision descends from, by id. */
    public List<LoadedRevision> heads() {
        return byId.values().stream().filter(s -> children.get(s.id()).isEmpty()).toList();
    }

    /** The single head; fails with {@link MultipleHeadsException} when there are several. */
    public LoadedRevision head() {
        List<LoadedRevision> heads = heads();
        if (heads.size() > 1) {
            throw new MultipleHeadsException(heads);
        }
        if (heads.isEmpty()) {
            throw new RevisionGraphException("There are no migrations yet.");
        }
        return heads.get(0);
    }

    /** Revisions without parents. */
    public List<LoadedRevision> bases() {
        return byId.values().stream().filter(s -> s.parents().isEmpty()).toList();
    }

    public List<LoadedRevision> children(String id) {
        return children.get(get(id).id()).stream().map(byId::get).toList();
    }

    /** Revisions with more than one child. */
    public List<LoadedRevision> branchPoints() {
        return byId.values().stream().filter(s -> children.get(s.id()).size() > 1).toList();
    }

    /** Resolves a full id, a unique id prefix, or a branch label to one revision. */
    public LoadedRevision resolve(String reference) {
        LoadedRevision exact = byId.get(reference);
        if (exact != null) {
            return exact;
        }
        LoadedRevision labelled = byLabel.get(reference);
        if (labelled != null) {
            return labelled;
        }
        List<LoadedRevision> matches = byId.values().stream().filter(s -> s.id().startsWith(reference)).toList();
        if (matches.size() == 1 && !reference.isEmpty()) {
            return matches.get(0);
        }
        if (matches.size() > 1 && !reference.isEmpty()) {
            throw UnknownRevisionException.ambiguous(reference, matches);
        }
        throw UnknownRevisionException.notFound(reference);
    }

    /** The head reached from the revision labelled {@code label} ({@code label@head}). */
    public LoadedRevision branchHead(String label) {
        LoadedRevision start = resolve(label);
        List<LoadedRevision> heads = heads().stream()
                .filter(h -> h.id().equals(start.id()) || ancestorsOf(List.of(h.id())).contains(start.id()))
                .toList();
        if (heads.size() > 1) {
            throw new MultipleHeadsException(heads);
        }
        return heads.get(0);
    }

    /** The given revisions and all their ancestors. */
    public Set<String> lineage(Collection<String> ids) {
        Set<String> out = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (out.add(id)) {
                todo.addAll(get(id).parents());
            }
        }
        return out;
    }

    /** All strict ancestors of the given revisions. */
    public Set<String> ancestorsOf(Collection<String> ids) {
        Set<String> out = new HashSet<>();
        for (String id : ids) {
            for (String parent : get(id).parents()) {
                out.addAll(lineage(List.of(parent)));
            }
        }
        return out;
    }

    /** All strict descendants of a revision. */
    public Set<String> descendantsOf(String id) {
        Set<String> out = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(children.get(get(id).id()));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (out.add(next)) {
                todo.addAll(children.get(next));
            }
        }
        return out;
    }

    /** The maximal elements of a set of applied revisions: those none of the others descends from. */
    public List<String> headsOf(Collection<String> applied) {
        Set<String> below = ancestorsOf(applied);
        return applied.stream().filter(id -> !below.contains(id)).sorted().toList();
    }

    /** The given revisions, parents before children (ties broken by id, so the order is stable). */
    public List<LoadedRevision> sorted(Collection<String> ids) {
        return ids.stream().distinct().map(this::get)
                .sorted(Comparator.comparing((LoadedRevision s) -> order.get(s.id())))
                .toList();
    }

    private Map<String, Integer> topologicalOrder() {
        Map<String, Integer> pending = new HashMap<>();
        byId.values().forEach(s -> pending.put(s.id(), new LinkedHashSet<>(s.parents()).size()));
        TreeSet<String> ready = new TreeSet<>();
        pending.forEach((id, count) -> {
            if (count == 0) {
                ready.add(id);
            }
        });
        Map<String, Integer> result = new LinkedHashMap<>();
        while (!ready.isEmpty()) {
            String id = ready.pollFirst();
            result.put(id, result.size());
            for (String child : children.get(id)) {
                if (pending.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        if (result.size() < byId.size()) {
            throw new RevisionCycleException(findCycle(result.keySet()));
        }
        return result;
    }

    private List<LoadedRevision> findCycle(Set<String> acyclic) {
        for (String start : byId.keySet()) {
            if (acyclic.contains(start)) {
                continue;
            }
            List<String> path = new ArrayList<>();
            Set<String> onPath = new HashSet<>();
            String current = start;
            while (!onPath.contains(current)) {
                path.add(current);
                onPath.add(current);
                current = byId.get(current).parents().stream().filter(p -> !acyclic.contains(p)).sorted()
                        .findFirst().orElseThrow();
            }
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
            Collections.reverse(cycle);
            return cycle.stream().map(byId::get).toList();
        }
        throw new IllegalStateException("no cycle found");
    }
}
