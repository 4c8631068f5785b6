using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class TicketHistoryEntryConfiguration : IEntityTypeConfiguration<TicketHistoryEntry>
{
    public void Configure(EntityTypeBuilder<TicketHistoryEntry> entry)
    {
        entry.ToTable("TicketHistory");
        entry.HasKey(h => h.Id);
        entry.Property(h => h.ActorName).HasMaxLength(256);
        entry.Property(h => h.Detail).HasMaxLength(1000);
        entry.HasOne<FeedbackTicket>().WithMany().HasForeignKey(h => h.TicketId).OnDelete(DeleteBehavior.Cascade);
        entry.HasIndex(h => new { h.TicketId, h.At });
    }
}
