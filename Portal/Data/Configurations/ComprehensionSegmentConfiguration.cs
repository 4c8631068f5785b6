using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class ComprehensionSegmentConfiguration : IEntityTypeConfiguration<ComprehensionSegment>
{
    public void Configure(EntityTypeBuilder<ComprehensionSegment> segment)
    {
        segment.ToTable("ComprehensionSegments");
        segment.HasKey(s => new { s.AnswerId, s.Feature, s.Value });
        segment.Property(s => s.Feature).HasMaxLength(200);
        segment.Property(s => s.Value).HasMaxLength(256);
        // Per-group counts look up a feature's rows, then their answers.
        segment.HasIndex(s => new { s.Feature, s.AnswerId });
        segment.HasOne<ComprehensionAnswer>().WithMany().HasForeignKey(s => s.AnswerId).OnDelete(DeleteBehavior.Cascade);
    }
}
