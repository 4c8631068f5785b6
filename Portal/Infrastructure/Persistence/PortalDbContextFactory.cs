using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Infrastructure.Persistence;

/// <summary>Short-lived contexts on the configured engine: every service asks for <see cref="PortalDbContext"/>, whatever the provider.</summary>
public sealed class PortalDbContextFactory(DatabaseEngine engine) : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() => engine.CreateContext();
}
