using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> decision)
    {
        decision.ToTable("Decisions");
        decision.HasKey(d => d.Seq);
        decision.Property(d => d.Seq).ValueGeneratedOnAdd()
            .HasAnnotation("Sqlite:Autoincrement", true);
        decision.Property(d => d.EventId).HasMaxLength(256);
        decision.Property(d => d.ChosenActionId).HasMaxLength(256);
        decision.Property(d => d.BaselineActionId).HasMaxLength(256);
        decision.Property(d => d.RewardSource).HasMaxLength(32);

        // A reused eventId must never overwrite a logged decision.
        decision.HasIndex(d => new { d.LoopId, d.EventId }).IsUnique();
        decision.HasIndex(d => new { d.LoopId, d.CreatedAt });
        // A loop's decisions in commit order from a cursor (trainer, analytics aggregator, recent samples) without
        // sorting all of the loop's decisions on every batch.
        decision.HasIndex(d => new { d.LoopId, d.Seq });
        decision.HasOne<Loop>().WithMany().HasForeignKey(d => d.LoopId).OnDelete(DeleteBehavior.Cascade);
    }
}
