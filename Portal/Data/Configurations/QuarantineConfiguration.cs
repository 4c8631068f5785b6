using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class QuarantineConfiguration : IEntityTypeConfiguration<Quarantine>
{
    public void Configure(EntityTypeBuilder<Quarantine> quarantine)
    {
        quarantine.ToTable("Quarantines");
        quarantine.HasKey(q => q.Id);
        quarantine.Property(q => q.Reason).HasMaxLength(2000);
        quarantine.Property(q => q.Source).HasMaxLength(32);
        quarantine.Property(q => q.CreatedById).HasMaxLength(64);
        quarantine.Property(q => q.CreatedByName).HasMaxLength(256);
        quarantine.Property(q => q.RolledBackTo).HasMaxLength(64);
        quarantine.HasIndex(q => q.LoopId);
        quarantine.HasOne<Loop>().WithMany().HasForeignKey(q => q.LoopId).OnDelete(DeleteBehavior.Cascade);
    }
}
