using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class GoLiveReviewConfiguration : IEntityTypeConfiguration<GoLiveReview>
{
    public const int ReferenceMaxLength = 500;
    public const int NoteMaxLength = 2000;

    public void Configure(EntityTypeBuilder<GoLiveReview> review)
    {
        review.ToTable("GoLiveReviews");
        review.HasKey(r => r.Id);
        review.Property(r => r.LegalReference).HasMaxLength(ReferenceMaxLength);
        review.Property(r => r.Note).HasMaxLength(NoteMaxLength);
        review.Property(r => r.RecordedById).HasMaxLength(64);
        review.Property(r => r.RecordedByName).HasMaxLength(256);
        review.Property(r => r.WithdrawnById).HasMaxLength(64);
        review.Property(r => r.WithdrawnByName).HasMaxLength(256);
        review.Property(r => r.WithdrawReason).HasMaxLength(2000);
        review.HasIndex(r => new { r.LoopId, r.Version }).IsUnique();
        review.HasOne<Loop>().WithMany().HasForeignKey(r => r.LoopId).OnDelete(DeleteBehavior.Cascade);
    }
}
