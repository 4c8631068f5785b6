using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class OverrideRuleConfiguration : IEntityTypeConfiguration<OverrideRule>
{
    public void Configure(EntityTypeBuilder<OverrideRule> rule)
    {
        rule.ToTable("OverrideRules");
        rule.HasKey(r => r.Id);
        rule.Property(r => r.SegmentName).HasMaxLength(300);
        rule.Property(r => r.PredicateJson).HasMaxLength(20_000);
        rule.Property(r => r.ActionIdsJson).HasMaxLength(20_000);
        rule.Property(r => r.Reason).HasMaxLength(2000);
        rule.Property(r => r.AuthorId).HasMaxLength(64);
        rule.Property(r => r.AuthorName).HasMaxLength(256);
        rule.Property(r => r.ReviewerName).HasMaxLength(256);
        rule.Property(r => r.ReviewNote).HasMaxLength(2000);
        rule.Property(r => r.RevokedByName).HasMaxLength(256);
        rule.HasIndex(r => new { r.LoopId, r.Status });
        rule.HasOne<Loop>().WithMany().HasForeignKey(r => r.LoopId).OnDelete(DeleteBehavior.Cascade);
    }
}
