using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class FeedbackTicketConfiguration : IEntityTypeConfiguration<FeedbackTicket>
{
    public const int MessageMaxLength = 4000;
    public const int EmailMaxLength = 254;

    public void Configure(EntityTypeBuilder<FeedbackTicket> ticket)
    {
        ticket.ToTable("FeedbackTickets");
        ticket.HasKey(t => t.Id);
        ticket.Property(t => t.Reference).HasMaxLength(16);
        ticket.HasIndex(t => t.Reference).IsUnique();
        ticket.Property(t => t.Message).HasMaxLength(MessageMaxLength);
        ticket.Property(t => t.ContactEmail).HasMaxLength(EmailMaxLength);
        ticket.Property(t => t.SourceHash).HasMaxLength(64);
        ticket.Property(t => t.TextHash).HasMaxLength(64);
        ticket.Property(t => t.LoopId).HasMaxLength(LoopConfiguration.IdMaxLength);
        ticket.Property(t => t.EventId).HasMaxLength(256);

        // Tickets outlive loops, users and merges: none of them deletes a ticket.
        ticket.HasOne(t => t.Assignee).WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        ticket.HasOne<FeedbackTicket>().WithMany().HasForeignKey(t => t.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);

        // The board pages in two steps (ids, then rows), so the first step can be answered from an index alone: almost
        // every view filters on status (the board opens on open tickets), then on one more column, newest first.
        // Overdue (and the navigation counters) use (Status, DueAt, …); the bias page (LoopId, Category); the repeat check the hashes.
        ticket.HasIndex(t => t.CreatedAt);
        ticket.HasIndex(t => new { t.Status, t.DueAt, t.CreatedAt });
        ticket.HasIndex(t => new { t.Status, t.CreatedAt });
        ticket.HasIndex(t => new { t.Status, t.Priority, t.CreatedAt });
        ticket.HasIndex(t => new { t.Status, t.Category, t.CreatedAt });
        ticket.HasIndex(t => new { t.Status, t.AssigneeId, t.CreatedAt });
        ticket.HasIndex(t => new { t.Status, t.LoopId, t.CreatedAt });
        ticket.HasIndex(t => new { t.LoopId, t.Category });
        ticket.HasIndex(t => new { t.SourceHash, t.TextHash });
    }
}
