using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class TicketStatusLinkConfiguration : IEntityTypeConfiguration<TicketStatusLink>
{
    public void Configure(EntityTypeBuilder<TicketStatusLink> link)
    {
        link.ToTable("TicketStatusLinks");
        link.HasKey(l => l.TokenHash);
        link.Property(l => l.TokenHash).HasMaxLength(64);
        link.HasOne<FeedbackTicket>().WithMany().HasForeignKey(l => l.TicketId).OnDelete(DeleteBehavior.Cascade);
        link.HasIndex(l => l.TicketId);
    }
}
