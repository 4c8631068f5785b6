using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class LoopFeatureConfiguration : IEntityTypeConfiguration<LoopFeature>
{
    public const int PathMaxLength = 200;

    public void Configure(EntityTypeBuilder<LoopFeature> feature)
    {
        feature.ToTable("LoopFeatures");
        feature.HasKey(f => new { f.LoopId, f.Path });
        feature.Property(f => f.Path).HasMaxLength(PathMaxLength);
        feature.Property(f => f.DisplayName).HasMaxLength(200);
        feature.Property(f => f.UpdatedByName).HasMaxLength(256);
        feature.HasOne<Loop>().WithMany().HasForeignKey(f => f.LoopId).OnDelete(DeleteBehavior.Cascade);
    }
}
