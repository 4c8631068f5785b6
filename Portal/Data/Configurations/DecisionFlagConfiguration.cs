using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class DecisionFlagConfiguration : IEntityTypeConfiguration<DecisionFlag>
{
    public void Configure(EntityTypeBuilder<DecisionFlag> flag)
    {
        flag.ToTable("DecisionFlags");
        flag.HasKey(f => f.Id);
        flag.HasIndex(f => f.DecisionSeq).IsUnique();
        flag.HasIndex(f => new { f.LoopId, f.FlaggedAt });
        flag.Property(f => f.EventId).HasMaxLength(256);
        flag.Property(f => f.Note).HasMaxLength(2000);
        flag.Property(f => f.FlaggedById).HasMaxLength(64);
        flag.Property(f => f.FlaggedByName).HasMaxLength(256);
        // Deleting the logs (Personalizer's DELETE logs) takes the flags of the deleted decisions with them.
        flag.HasOne<Decision>().WithMany().HasForeignKey(f => f.DecisionSeq).OnDelete(DeleteBehavior.Cascade);
    }
}
