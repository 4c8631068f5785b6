using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class OptOutConfiguration : IEntityTypeConfiguration<OptOut>
{
    public void Configure(EntityTypeBuilder<OptOut> optOut)
    {
        optOut.ToTable("OptOuts");
        optOut.HasKey(o => o.Id);
        optOut.Property(o => o.UserHash).HasMaxLength(32);
        optOut.HasIndex(o => new { o.LoopId, o.UserHash }).IsUnique();
        optOut.HasOne<Loop>().WithMany().HasForeignKey(o => o.LoopId).OnDelete(DeleteBehavior.Cascade);
    }
}
