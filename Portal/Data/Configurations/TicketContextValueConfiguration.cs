using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class TicketContextValueConfiguration : IEntityTypeConfiguration<TicketContextValue>
{
    public void Configure(EntityTypeBuilder<TicketContextValue> value)
    {
        value.ToTable("TicketContextValues");
        value.HasKey(v => v.Id);
        value.Property(v => v.Feature).HasMaxLength(200);
        value.Property(v => v.Text).HasMaxLength(256);
        // Segment conditions look up (feature, value) and then the ticket.
        value.HasIndex(v => new { v.Feature, v.Text, v.TicketId });
        value.HasIndex(v => new { v.Feature, v.Number, v.TicketId });
        value.HasIndex(v => v.TicketId);
        value.HasOne<FeedbackTicket>().WithMany().HasForeignKey(v => v.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
