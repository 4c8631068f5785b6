using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditEntries");
        entry.HasKey(e => e.Seq);
        entry.Property(e => e.Seq).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
        entry.Property(e => e.ActorId).HasMaxLength(64);
        entry.Property(e => e.ActorName).HasMaxLength(256);
        entry.Property(e => e.Action).HasMaxLength(64);
        entry.Property(e => e.TargetType).HasMaxLength(32);
        entry.Property(e => e.TargetId).HasMaxLength(600);
        entry.Property(e => e.LoopId).HasMaxLength(LoopConfiguration.IdMaxLength);
        entry.Property(e => e.Reason).HasMaxLength(2000);
        entry.Property(e => e.PreviousHash).HasMaxLength(64);
        entry.Property(e => e.Hash).HasMaxLength(64);
        // No foreign keys on purpose: deleting a loop or a user must never delete (or be blocked by) its history.
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => new { e.LoopId, e.At });
        entry.HasIndex(e => new { e.TargetType, e.TargetId });
        entry.HasIndex(e => e.ActorId);
    }
}
