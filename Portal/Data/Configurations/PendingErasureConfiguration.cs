using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class PendingErasureConfiguration : IEntityTypeConfiguration<PendingErasure>
{
    /// <summary>An error's message is cut to this length when recorded.</summary>
    public const int LastErrorMaxLength = 1000;

    public void Configure(EntityTypeBuilder<PendingErasure> erasure)
    {
        erasure.ToTable("PendingErasures");
        erasure.HasKey(e => e.Id);
        erasure.Property(e => e.UserId).HasMaxLength(256);
        erasure.Property(e => e.ContactEmail).HasMaxLength(254);
        erasure.Property(e => e.RequestedById).HasMaxLength(450);
        erasure.Property(e => e.RequestedByName).HasMaxLength(256);
        erasure.Property(e => e.Holder).HasMaxLength(200);
        erasure.Property(e => e.CancelRequestedBy).HasMaxLength(256);
        erasure.Property(e => e.LastError).HasMaxLength(LastErrorMaxLength);
        erasure.Property(e => e.ProgressStep).HasMaxLength(100);
    }
}
