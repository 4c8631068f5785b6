using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class TicketCommentConfiguration : IEntityTypeConfiguration<TicketComment>
{
    public void Configure(EntityTypeBuilder<TicketComment> comment)
    {
        comment.ToTable("TicketComments");
        comment.HasKey(c => c.Id);
        comment.Property(c => c.AuthorName).HasMaxLength(256);
        comment.Property(c => c.Text).HasMaxLength(FeedbackTicketConfiguration.MessageMaxLength);
        comment.HasOne<FeedbackTicket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
        comment.HasIndex(c => new { c.TicketId, c.CreatedAt });
    }
}
