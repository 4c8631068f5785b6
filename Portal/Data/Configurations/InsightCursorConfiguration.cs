using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class InsightCursorConfiguration : IEntityTypeConfiguration<InsightCursor>
{
    public void Configure(EntityTypeBuilder<InsightCursor> cursor)
    {
        cursor.ToTable("InsightCursors");
        cursor.HasKey(c => new { c.LoopId, c.Source });
        cursor.Property(c => c.Source).HasMaxLength(64);
        cursor.Property(c => c.DefinitionHash).HasMaxLength(64);
        cursor.HasOne<Loop>().WithMany().HasForeignKey(c => c.LoopId).OnDelete(DeleteBehavior.Cascade);
    }
}
