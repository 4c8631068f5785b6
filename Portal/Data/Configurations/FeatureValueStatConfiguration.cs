using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class FeatureValueStatConfiguration : IEntityTypeConfiguration<FeatureValueStat>
{
    public void Configure(EntityTypeBuilder<FeatureValueStat> stat)
    {
        stat.ToTable("FeatureValueStats");
        stat.HasKey(s => new { s.LoopId, s.BucketStart, s.Feature, s.IsNumeric, s.Bin });
        stat.Property(s => s.Feature).HasMaxLength(LoopFeatureConfiguration.PathMaxLength);
        stat.Property(s => s.Bin).HasMaxLength(SegmentStatConfiguration.ValueMaxLength);
        stat.HasOne<Loop>().WithMany().HasForeignKey(s => s.LoopId).OnDelete(DeleteBehavior.Cascade);
    }
}
