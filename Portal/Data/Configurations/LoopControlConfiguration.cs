using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

public sealed class LoopControlConfiguration : IEntityTypeConfiguration<LoopControl>
{
    public void Configure(EntityTypeBuilder<LoopControl> control)
    {
        control.ToTable("LoopControls");
        control.HasKey(c => c.Scope);
        control.Property(c => c.Scope).HasMaxLength(LoopConfiguration.IdMaxLength);
        control.Property(c => c.KillSwitchReason).HasMaxLength(2000);
        control.Property(c => c.KillSwitchChangedBy).HasMaxLength(256);
        control.Property(c => c.RequireRuleApproval).HasDefaultValue(true);
    }
}
