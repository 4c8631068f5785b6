using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> segment)
    {
        segment.ToTable("Segments");
        segment.HasKey(s => s.Id);
        segment.Property(s => s.Name).HasMaxLength(100);
        segment.HasIndex(s => s.Name).IsUnique();
        segment.Property(s => s.Description).HasMaxLength(1000);
        segment.Property(s => s.DefinitionJson).HasMaxLength(20_000);
        segment.Property(s => s.CreatedByName).HasMaxLength(256);
        segment.HasOne<Loop>().WithMany().HasForeignKey(s => s.LoopId).OnDelete(DeleteBehavior.Cascade);
    }
}
