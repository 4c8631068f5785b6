using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class ReviewJudgementConfiguration : IEntityTypeConfiguration<ReviewJudgement>
{
    public const int NoteMaxLength = 1000;

    public void Configure(EntityTypeBuilder<ReviewJudgement> judgement)
    {
        judgement.ToTable("ReviewJudgements");
        judgement.HasKey(j => j.Id);
        judgement.Property(j => j.Note).HasMaxLength(NoteMaxLength);
        judgement.Property(j => j.TicketReference).HasMaxLength(16);
        judgement.HasIndex(j => new { j.InvitationId, j.ItemId }).IsUnique();
        judgement.HasIndex(j => new { j.PanelId, j.JudgedAt });
        judgement.HasOne<ReviewPanel>().WithMany().HasForeignKey(j => j.PanelId).OnDelete(DeleteBehavior.Cascade);
        judgement.HasOne<ReviewPanelItem>().WithMany().HasForeignKey(j => j.ItemId).OnDelete(DeleteBehavior.Cascade);
        judgement.HasOne<ReviewInvitation>().WithMany().HasForeignKey(j => j.InvitationId).OnDelete(DeleteBehavior.Cascade);
    }
}
