using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class EvaluationRunConfiguration : IEntityTypeConfiguration<EvaluationRun>
{
    public void Configure(EntityTypeBuilder<EvaluationRun> run)
    {
        run.ToTable("EvaluationRuns");
        run.HasKey(r => new { r.LoopId, r.Id });
        run.Property(r => r.Id).HasMaxLength(256);
        run.Property(r => r.Name).HasMaxLength(256);
        run.Property(r => r.FailureMessage).HasMaxLength(2000);
        run.Property(r => r.FailureField).HasMaxLength(64);
        run.Property(r => r.CreatedById).HasMaxLength(64);
        run.Property(r => r.CreatedByName).HasMaxLength(256);
        run.Property(r => r.RunningOn).HasMaxLength(200);
        // A loop's runs newest first (the page and the API list); the runs left running by a crash (start-up).
        run.HasIndex(r => new { r.LoopId, r.CreatedAt });
        run.HasIndex(r => r.Status);
        run.HasOne<Loop>().WithMany().HasForeignKey(r => r.LoopId).OnDelete(DeleteBehavior.Cascade);
    }
}
