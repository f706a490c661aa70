using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningHub.Core.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(x => x.Action).HasMaxLength(100);
        b.Property(x => x.ActorUserId).HasMaxLength(450);
        b.Property(x => x.ActorName).HasMaxLength(200);
        b.Property(x => x.TargetType).HasMaxLength(60);
        b.Property(x => x.TargetId).HasMaxLength(100);
        b.Property(x => x.TargetLabel).HasMaxLength(300);
        b.Property(x => x.RequestId).HasMaxLength(100);
        // The search page lists a board's entries newest first, filtered by action or target.
        b.HasIndex(x => new { x.BoardId, x.OccurredUtc });
        b.HasIndex(x => new { x.BoardId, x.TargetType, x.TargetId });
        // A person's data export and erasure find the entries they made or that were about them: with these two, and
        // PostgreSQL's trigram indexes on the lower-cased names and changes (made by migration AuditSearchIndexes in
        // SQL, as EF Core's model cannot state them), that is one bitmap of index scans, not the board's whole log.
        b.HasIndex(x => new { x.BoardId, x.ActorUserId });
        b.HasIndex(x => new { x.BoardId, x.TargetId });
    }
}
