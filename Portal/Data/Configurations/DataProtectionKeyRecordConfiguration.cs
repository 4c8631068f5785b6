using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class DataProtectionKeyRecordConfiguration : IEntityTypeConfiguration<DataProtectionKeyRecord>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRecord> key)
    {
        key.ToTable("DataProtectionKeys");
        key.HasKey(k => k.Id);
        key.Property(k => k.FriendlyName).HasMaxLength(200);
        key.HasIndex(k => k.FriendlyName).IsUnique();
    }
}
