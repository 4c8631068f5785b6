using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class SecretKeyRecordConfiguration : IEntityTypeConfiguration<SecretKeyRecord>
{
    public void Configure(EntityTypeBuilder<SecretKeyRecord> key)
    {
        key.ToTable("SecretKeys");
        key.HasKey(k => k.Name);
        key.Property(k => k.Name).HasMaxLength(64);
    }
}
