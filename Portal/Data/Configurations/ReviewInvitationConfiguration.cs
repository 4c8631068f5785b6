using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class ReviewInvitationConfiguration : IEntityTypeConfiguration<ReviewInvitation>
{
    public const int LabelMaxLength = 100;

    public void Configure(EntityTypeBuilder<ReviewInvitation> invitation)
    {
        invitation.ToTable("ReviewInvitations");
        invitation.HasKey(i => i.Id);
        invitation.Property(i => i.Label).HasMaxLength(LabelMaxLength);
        invitation.Property(i => i.TokenHash).HasMaxLength(64);
        invitation.Property(i => i.CreatedByName).HasMaxLength(256);
        invitation.Property(i => i.RevokedByName).HasMaxLength(256);
        invitation.HasIndex(i => i.TokenHash).IsUnique();
        invitation.HasIndex(i => i.PanelId);
        invitation.HasOne<ReviewPanel>().WithMany().HasForeignKey(i => i.PanelId).OnDelete(DeleteBehavior.Cascade);
    }
}
