using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class ReportSignOffConfiguration : IEntityTypeConfiguration<ReportSignOff>
{
    public void Configure(EntityTypeBuilder<ReportSignOff> signOff)
    {
        signOff.ToTable("ReportSignOffs");
        signOff.HasKey(s => s.Id);
        signOff.Property(s => s.ContentHash).HasMaxLength(64);
        signOff.Property(s => s.SignedByName).HasMaxLength(256);
        signOff.Property(s => s.Note).HasMaxLength(2000);
        signOff.HasIndex(s => new { s.LoopId, s.SignedAt });
        signOff.HasOne<Loop>().WithMany().HasForeignKey(s => s.LoopId).OnDelete(DeleteBehavior.Cascade);
    }
}
