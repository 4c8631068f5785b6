using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class LoopConfiguration : IEntityTypeConfiguration<Loop>
{
    public const int IdMaxLength = 64;

    public void Configure(EntityTypeBuilder<Loop> loop)
    {
        loop.ToTable("Loops");
        loop.HasKey(l => l.Id);
        loop.Property(l => l.Id).HasMaxLength(IdMaxLength);
        loop.Property(l => l.Name).HasMaxLength(200);
        loop.Property(l => l.ApiKeyHash).HasMaxLength(64);
        loop.HasIndex(l => l.ApiKeyHash).IsUnique();
        loop.Property(l => l.ApiKeyHint).HasMaxLength(8);
        loop.Property(l => l.PolicyName).HasMaxLength(256);
        loop.Property(l => l.PolicyArguments).HasMaxLength(1024);
        loop.ComplexProperty(l => l.Settings, settings =>
        {
            settings.Property(s => s.LogMirrorSasUri).HasMaxLength(2048);
            settings.Property(s => s.NotProfiledActionId).HasMaxLength(256);
        });
    }
}
