using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class SegmentStatConfiguration : IEntityTypeConfiguration<SegmentStat>
{
    public const int DimensionMaxLength = 210;
    public const int ValueMaxLength = 256;

    public void Configure(EntityTypeBuilder<SegmentStat> stat)
    {
        stat.ToTable("SegmentStats");
        // Key order = the page's access path: one loop, one dimension, a range of hours.
        stat.HasKey(s => new { s.LoopId, s.Dimension, s.BucketStart, s.Value, s.ActionId });
        stat.Property(s => s.Dimension).HasMaxLength(DimensionMaxLength);
        stat.Property(s => s.Value).HasMaxLength(ValueMaxLength);
        stat.Property(s => s.ActionId).HasMaxLength(256);
        stat.HasOne<Loop>().WithMany().HasForeignKey(s => s.LoopId).OnDelete(DeleteBehavior.Cascade);
    }
}
