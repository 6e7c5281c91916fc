package dev.retort.journal.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The key of {@link JournalEntryTag}: which entry, which tag. */
@Embeddable
public class JournalEntryTagId implements Serializable {

    @Column(name = "entry_id", nullable = false)
    private UUID entryId;

    @Column(name = "tag_id", nullable = false)
    private Long tagId;

    protected JournalEntryTagId() {
    }

    public JournalEntryTagId(UUID entryId, Long tagId) {
        this.entryId = entryId;
        this.tagId = tagId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JournalEntryTagId other && Objects.equals(entryId, other.entryId)
                && Objects.equals(tagId, other.tagId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entryId, tagId);
    }
}
