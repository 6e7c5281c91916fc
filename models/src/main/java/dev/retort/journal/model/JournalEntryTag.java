package dev.retort.journal.model;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** An entry carries a tag since {@code tagged_at}: the entry-tag association as an entity of its own. */
@Entity
@Table(name = "journal_entry_tags", indexes = @Index(name = "ix_journal_entry_tags_tag", columnList = "tag_id"))
public class JournalEntryTag {

    @EmbeddedId
    private JournalEntryTagId id;

    @MapsId("entryId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "entry_id", foreignKey = @ForeignKey(name = "fk_journal_entry_tags_entry"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private JournalEntry entry;

    @MapsId("tagId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tag_id", foreignKey = @ForeignKey(name = "fk_journal_entry_tags_tag"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Tag tag;

    @Column(name = "tagged_at", nullable = false)
    @ColumnDefault("now()")
    private OffsetDateTime taggedAt;

    protected JournalEntryTag() {
    }

    public JournalEntryTag(JournalEntry entry, Tag tag) {
        this.id = new JournalEntryTagId(entry.getId(), tag.getId());
        this.entry = entry;
        this.tag = tag;
        this.taggedAt = OffsetDateTime.now();
    }

    public OffsetDateTime getTaggedAt() {
        return taggedAt;
    }
}
