using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class ReviewPanelConfiguration : IEntityTypeConfiguration<ReviewPanel>
{
    public const int NameMaxLength = 200;

    public void Configure(EntityTypeBuilder<ReviewPanel> panel)
    {
        panel.ToTable("ReviewPanels");
        panel.HasKey(p => p.Id);
        panel.Property(p => p.Name).HasMaxLength(NameMaxLength);
        panel.Property(p => p.StrataBy).HasMaxLength(256);
        panel.Property(p => p.CreatedByName).HasMaxLength(256);
        panel.HasIndex(p => new { p.LoopId, p.CreatedAt });
        panel.HasOne<Loop>().WithMany().HasForeignKey(p => p.LoopId).OnDelete(DeleteBehavior.Cascade);
    }
}
