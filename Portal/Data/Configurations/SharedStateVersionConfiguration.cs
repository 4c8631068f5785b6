using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class SharedStateVersionConfiguration : IEntityTypeConfiguration<SharedStateVersion>
{
    public void Configure(EntityTypeBuilder<SharedStateVersion> version)
    {
        version.ToTable("SharedStateVersions");
        version.HasKey(v => v.Id);
        version.Property(v => v.Id).ValueGeneratedNever();
        // The rows exist from the start, so that a change only ever updates one (a row lock, never a racing insert).
        version.HasData(
            new SharedStateVersion { Id = SharedStateVersion.ServingId, Version = 0 },
            new SharedStateVersion { Id = SharedStateVersion.OptOutsId, Version = 0 },
            new SharedStateVersion { Id = SharedStateVersion.OptOutRemovalsId, Version = 0 });
    }
}
