using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class LeaderLeaseConfiguration : IEntityTypeConfiguration<LeaderLease>
{
    public void Configure(EntityTypeBuilder<LeaderLease> lease)
    {
        lease.ToTable("LeaderLeases");
        lease.HasKey(l => l.Name);
        lease.Property(l => l.Name).HasMaxLength(64);
        lease.Property(l => l.Holder).HasMaxLength(200);
    }
}
