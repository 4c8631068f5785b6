using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class ImportanceStatConfiguration : IEntityTypeConfiguration<ImportanceStat>
{
    public void Configure(EntityTypeBuilder<ImportanceStat> stat)
    {
        stat.ToTable("ImportanceStats");
        stat.HasKey(s => new { s.LoopId, s.Dimension, s.BucketStart, s.Value, s.IsNamespace, s.Feature });
        stat.Property(s => s.Dimension).HasMaxLength(SegmentStatConfiguration.DimensionMaxLength);
        stat.Property(s => s.Value).HasMaxLength(SegmentStatConfiguration.ValueMaxLength);
        stat.Property(s => s.Feature).HasMaxLength(LoopFeatureConfiguration.PathMaxLength);
        stat.HasOne<Loop>().WithMany().HasForeignKey(s => s.LoopId).OnDelete(DeleteBehavior.Cascade);
    }
}
