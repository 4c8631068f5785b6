using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class ManipulationFindingConfiguration : IEntityTypeConfiguration<ManipulationFinding>
{
    public void Configure(EntityTypeBuilder<ManipulationFinding> finding)
    {
        finding.ToTable("ManipulationFindings");
        finding.HasKey(f => f.Id);
        finding.Property(f => f.CellKey).HasMaxLength(1100);
        finding.Property(f => f.Subject).HasMaxLength(1100);
        finding.Property(f => f.ActionId).HasMaxLength(256);
        finding.Property(f => f.SegmentFeature).HasMaxLength(512);
        finding.Property(f => f.SegmentValue).HasMaxLength(256);
        finding.Property(f => f.Source).HasMaxLength(32);
        finding.Property(f => f.ReviewedById).HasMaxLength(64);
        finding.Property(f => f.ReviewedByName).HasMaxLength(256);
        finding.Property(f => f.ReviewNote).HasMaxLength(2000);
        // The review queue: a loop's open findings, newest first; and the open finding of a measurement to extend.
        finding.HasIndex(f => new { f.LoopId, f.Status, f.Id });
        finding.HasIndex(f => new { f.LoopId, f.CellKey, f.Status });
        finding.HasOne<Loop>().WithMany().HasForeignKey(f => f.LoopId).OnDelete(DeleteBehavior.Cascade);
    }
}
