using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class ReviewPanelItemConfiguration : IEntityTypeConfiguration<ReviewPanelItem>
{
    public void Configure(EntityTypeBuilder<ReviewPanelItem> item)
    {
        item.ToTable("ReviewPanelItems");
        item.HasKey(i => i.Id);
        item.Property(i => i.Segment).HasMaxLength(512);
        item.Property(i => i.EventId).HasMaxLength(256);
        item.HasIndex(i => new { i.PanelId, i.Position }).IsUnique();
        item.HasOne<ReviewPanel>().WithMany().HasForeignKey(i => i.PanelId).OnDelete(DeleteBehavior.Cascade);
    }
}
