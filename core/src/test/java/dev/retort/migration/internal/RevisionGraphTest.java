package dev.retort.migration.internal;

import dev.retort.migration.Migration;
import dev.retort.migration.Operations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RevisionGraphTest {

    /** A migration that does nothing; the graph only reads annotations. */
    static final class Noop implements Migration {
        @Override
        public void upgrade(Operations op) {
        }
    }

    static LoadedRevision script(String id, String... parents) {
        return new LoadedRevision(id, List.of(parents), "m " + id, List.of(), "", "V" + id + ".java", Noop.class, true);
    }

    static LoadedRevision labelled(String id, String label, String... parents) {
        return new LoadedRevision(id, List.of(parents), "m " + id, List.of(label), "", "V" + id + ".java", Noop.class, true);
    }

    @Nested
    @DisplayName("validation")
    class Validation {

        @Test
        @DisplayName("rejects a duplicate id, naming both files")
        void duplicateId() {
            var e = assertThrows(DuplicateRevisionException.class,
                    () -> RevisionGraph.of(List.of(script("a1"), new LoadedRevision("a1", List.of(), "", List.of(), "",
                            "Other.java", Noop.class, true))));
            assertTrue(e.getMessage().contains("a1") && e.getMessage().contains("Va1.java")
                    && e.getMessage().contains("Other.java"), e.getMessage());
        }

        @Test
        @DisplayName("rejects a missing parent, naming the revision, its file and the parent")
        void missingParent() {
            var e = assertThrows(MissingParentException.class, () -> RevisionGraph.of(List.of(script("a1"), script("b2", "zz"))));
            assertTrue(e.getMessage().contains("b2") && e.getMessage().contains("Vb2.java") && e.getMessage().contains("zz"),
                    e.getMessage());
        }

        @Test
        @DisplayName("rejects a cycle, listing the revisions in it")
        void cycle() {
            var e = assertThrows(RevisionCycleException.class,
                    () -> RevisionGraph.of(List.of(script("a1"), script("b2", "a1", "d4"), script("c3", "b2"), script("d4", "c3"))));
            assertTrue(e.getMessage().contains("b2") && e.getMessage().contains("c3") && e.getMessage().contains("d4")
                    && !e.getMessage().contains("a1 ->"), e.getMessage());
        }

        @Test
        @DisplayName("rejects an id with characters that targets cannot spell")
        void invalidId() {
            var e = assertThrows(InvalidMigrationException.class, () -> RevisionGraph.of(List.of(script("a-1"))));
            assertTrue(e.getMessage().contains("a-1") && e.getMessage().contains("Va-1.java"), e.getMessage());
        }

        @Test
        @DisplayName("rejects a branch label used twice")
        void duplicateLabel() {
            var e = assertThrows(RevisionGraphException.class,
                    () -> RevisionGraph.of(List.of(labelled("a1", "x"), labelled("b2", "x", "a1"))));
            assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("a1") && e.getMessage().contains("b2"));
        }
    }

    @Nested
    @DisplayName("queries")
    class Queries {

        // a1 - b2 - c3 - e5 (merge of c3 and d4)
        //        \- d4 -/
        //                 f6 (second root, labelled "audit")
        final RevisionGraph graph = RevisionGraph.of(List.of(script("a1"), script("b2", "a1"), script("c3", "b2"),
                script("d4", "b2"), script("e5", "c3", "d4"), labelled("f6", "audit")));

        @Test
        @DisplayName("finds heads, bases, branch points and orders parents first")
        void structure() {
            assertEquals(List.of("e5", "f6"), graph.heads().stream().map(LoadedRevision::id).toList());
            assertEquals(List.of("a1", "f6"), graph.bases().stream().map(LoadedRevision::id).toList());
            assertEquals(List.of("b2"), graph.branchPoints().stream().map(LoadedRevision::id).toList());
            List<String> order = graph.all().stream().map(LoadedRevision::id).toList();
            assertTrue(order.indexOf("a1") < order.indexOf("b2") && order.indexOf("c3") < order.indexOf("e5")
                    && order.indexOf("d4") < order.indexOf("e5"), order.toString());
            assertThrows(MultipleHeadsException.class, graph::head);
        }

        @Test
        @DisplayName("computes lineage, descendants and the heads of an applied set")
        void ancestry() {
            assertEquals(Set.of("a1", "b2", "c3", "d4", "e5"), graph.lineage(List.of("e5")));
            assertEquals(Set.of("c3", "d4", "e5"), graph.descendantsOf("b2"));
            assertEquals(List.of("c3", "d4"), graph.headsOf(Set.of("a1", "b2", "c3", "d4")));
        }

        @Test
        @DisplayName("resolves full ids, unique prefixes and branch labels, and says when a prefix is ambiguous")
        void resolves() {
            RevisionGraph g = RevisionGraph.of(List.of(script("abc111"), script("abc222", "abc111"), labelled("f00", "audit")));
            assertEquals("abc111", g.resolve("abc111").id());
            assertEquals("abc222", g.resolve("abc2").id());
            assertEquals("f00", g.resolve("audit").id());
            assertEquals("f00", g.branchHead("audit").id());
            var ambiguous = assertThrows(UnknownRevisionException.class, () -> g.resolve("abc"));
            assertTrue(ambiguous.getMessage().contains("abc111") && ambiguous.getMessage().contains("abc222"));
            var unknown = assertThrows(UnknownRevisionException.class, () -> g.resolve("zzz"));
            assertTrue(unknown.getMessage().contains("'zzz'"));
        }
    }
}
