using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class LoopAccountabilityConfiguration : IEntityTypeConfiguration<LoopAccountability>
{
    public const int NameMaxLength = 200;
    public const int ContactMaxLength = 320;
    public const int PurposeMaxLength = 2000;

    public void Configure(EntityTypeBuilder<LoopAccountability> owner)
    {
        owner.ToTable("LoopAccountability");
        owner.HasKey(o => o.LoopId);
        owner.Property(o => o.OwnerName).HasMaxLength(NameMaxLength);
        owner.Property(o => o.OwnerContact).HasMaxLength(ContactMaxLength);
        owner.Property(o => o.Purpose).HasMaxLength(PurposeMaxLength);
        owner.Property(o => o.UpdatedByName).HasMaxLength(256);
        owner.HasOne<Loop>().WithOne().HasForeignKey<LoopAccountability>(o => o.LoopId).OnDelete(DeleteBehavior.Cascade);
    }
}
