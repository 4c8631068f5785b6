using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class ActionListConfiguration : IEntityTypeConfiguration<ActionList>
{
    public void Configure(EntityTypeBuilder<ActionList> list)
    {
        list.ToTable("ActionLists");
        list.HasKey(a => a.Id);
        list.Property(a => a.Id).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
        // Not unique: two lists may share a hash; the writer compares their text.
        list.HasIndex(a => a.Hash);
    }
}
