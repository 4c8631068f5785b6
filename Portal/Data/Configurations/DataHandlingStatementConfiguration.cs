using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class DataHandlingStatementConfiguration : IEntityTypeConfiguration<DataHandlingStatement>
{
    public const int TextMaxLength = 20_000;

    public void Configure(EntityTypeBuilder<DataHandlingStatement> statement)
    {
        statement.ToTable("DataHandlingStatements");
        statement.HasKey(s => s.Id);
        statement.Property(s => s.Text).HasMaxLength(TextMaxLength);
        statement.Property(s => s.PublishedByName).HasMaxLength(256);
        statement.HasIndex(s => new { s.LoopId, s.Version }).IsUnique();
        statement.HasOne<Loop>().WithMany().HasForeignKey(s => s.LoopId).OnDelete(DeleteBehavior.Cascade);
    }
}
