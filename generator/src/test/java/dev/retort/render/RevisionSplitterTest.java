package dev.retort.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.diff.Diff;
import dev.retort.diff.Warning;
import dev.retort.op.CreateTable;
import dev.retort.op.Operation;
import dev.retort.schema.Column;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Splitting a large diff into revisions")
class RevisionSplitterTest {

    private static List<Operation> tables(int n) {
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ops.add(new CreateTable(Table.of("t" + i, Column.of("id", "bigint").notNull(), PrimaryKey.unnamed("id"),
                    Index.of("ix_t" + i, "id"))));
        }
        return ops;
    }

    @Test
    @DisplayName("keeps a diff that fits in one transaction whole")
    void keepsSmallDiffs() {
        Diff diff = new Diff(tables(100), List.of(), 0);
        List<Diff> parts = new RevisionSplitter().split(diff);
        assertEquals(1, parts.size());
        assertSame(diff, parts.get(0));
    }

    @Test
    @DisplayName("cuts thousands of tables into parts within the lock budget, in order, warnings with the first")
    void cutsLargeDiffs() {
        List<Operation> ops = tables(3000);
        Warning warning = new Warning(Warning.Kind.DATA_LOSS, "x", null, "m");
        List<Diff> parts = new RevisionSplitter().split(new Diff(ops, List.of(warning), 0));
        assertTrue(parts.size() >= 8, "5 locks a table, 2000 a part: " + parts.size());
        List<Operation> joined = new ArrayList<>();
        parts.forEach(p -> joined.addAll(p.operations()));
        assertEquals(ops, joined);
        assertEquals(List.of(warning), parts.get(0).warnings());
        assertTrue(parts.stream().skip(1).allMatch(p -> p.warnings().isEmpty()));
        assertTrue(parts.stream().allMatch(p -> p.operations().size() <= 400), "each part within 2000 / 5 locks");
    }
}
