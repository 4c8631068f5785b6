using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class LoopActionConfiguration : IEntityTypeConfiguration<LoopAction>
{
    public void Configure(EntityTypeBuilder<LoopAction> action)
    {
        action.ToTable("LoopActions");
        action.HasKey(a => new { a.LoopId, a.ActionId });
        action.Property(a => a.ActionId).HasMaxLength(256);
        action.Property(a => a.DisplayName).HasMaxLength(200);
        action.HasOne<Loop>().WithMany().HasForeignKey(a => a.LoopId).OnDelete(DeleteBehavior.Cascade);
    }
}
