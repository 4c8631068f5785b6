using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Entities;

namespace Portal.Data;

public class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Loop> Loops => Set<Loop>();
    public DbSet<LoopAction> LoopActions => Set<LoopAction>();
    public DbSet<Decision> Decisions => Set<Decision>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        conventions.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        conventions.Properties<LearningMode>().HaveConversion<string>().HaveMaxLength(16);
        conventions.Properties<RewardAggregation>().HaveConversion<string>().HaveMaxLength(16);
    }
}
