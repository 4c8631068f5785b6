using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class StoredModelSnapshotConfiguration : IEntityTypeConfiguration<StoredModelSnapshot>
{
    public void Configure(EntityTypeBuilder<StoredModelSnapshot> snapshot)
    {
        snapshot.ToTable("StoredModelSnapshots");
        snapshot.HasKey(s => new { s.LoopId, s.Id });
        snapshot.Property(s => s.Id).HasMaxLength(64);
        snapshot.HasIndex(s => new { s.LoopId, s.LastTrainedSeq });
    }
}
