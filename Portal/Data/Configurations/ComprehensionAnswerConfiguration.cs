using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class ComprehensionAnswerConfiguration : IEntityTypeConfiguration<ComprehensionAnswer>
{
    public const int CommentMaxLength = 1000;

    public void Configure(EntityTypeBuilder<ComprehensionAnswer> answer)
    {
        answer.ToTable("ComprehensionAnswers");
        answer.HasKey(a => a.Id);
        answer.Property(a => a.EventId).HasMaxLength(256);
        answer.Property(a => a.Comment).HasMaxLength(CommentMaxLength);
        answer.Property(a => a.UserHash).HasMaxLength(32);
        // One answer per decision; figures and comments read a loop's answers by time; the retention purge by decision time.
        answer.HasIndex(a => new { a.LoopId, a.EventId }).IsUnique();
        answer.HasIndex(a => new { a.LoopId, a.AnsweredAt });
        answer.HasIndex(a => new { a.LoopId, a.DecidedAt });
        answer.HasIndex(a => new { a.UserHash, a.LoopId });
        // No key to the decision: the purge, the log's deletion and erasure remove answers themselves, and count them.
        answer.HasOne<Loop>().WithMany().HasForeignKey(a => a.LoopId).OnDelete(DeleteBehavior.Cascade);
    }
}
