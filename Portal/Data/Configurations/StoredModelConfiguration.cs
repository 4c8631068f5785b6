using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class StoredModelConfiguration : IEntityTypeConfiguration<StoredModel>
{
    public void Configure(EntityTypeBuilder<StoredModel> model)
    {
        model.ToTable("StoredModels");
        model.HasKey(m => m.LoopId);
        model.Property(m => m.SavedBy).HasMaxLength(200);
    }
}
