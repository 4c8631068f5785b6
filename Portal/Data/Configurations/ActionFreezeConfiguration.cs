using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class ActionFreezeConfiguration : IEntityTypeConfiguration<ActionFreeze>
{
    public void Configure(EntityTypeBuilder<ActionFreeze> freeze)
    {
        freeze.ToTable("ActionFreezes");
        freeze.HasKey(f => f.Id);
        freeze.Property(f => f.ActionId).HasMaxLength(256);
        freeze.Property(f => f.Reason).HasMaxLength(2000);
        freeze.Property(f => f.FrozenById).HasMaxLength(64);
        freeze.Property(f => f.FrozenByName).HasMaxLength(256);
        freeze.Property(f => f.LiftedByName).HasMaxLength(256);
        freeze.Property(f => f.LiftReason).HasMaxLength(2000);
        freeze.HasIndex(f => new { f.LoopId, f.LiftedAt });
        freeze.HasOne<Loop>().WithMany().HasForeignKey(f => f.LoopId).OnDelete(DeleteBehavior.Cascade);
    }
}
