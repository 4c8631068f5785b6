using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Infrastructure.Cluster;
using Portal.Infrastructure.Notifications;

namespace Portal.Features.Segments;

/// <summary>
/// The saved segments, compiled, as one immutable list that pages read without touching the database. Reloaded by
/// <see cref="SegmentService"/> after every change, which then tells open pages through <see cref="Changed"/>.
/// </summary>
public sealed class SegmentCatalog(IDbContextFactory<PortalDbContext> dbFactory, ILogger<ChangeSignal> signalLogger) : IHostedService, ISharedState
{
    public sealed record Entry(long Id, string Name, string? LoopId, string? Description, SegmentPredicate Predicate)
    {
        public string Describe() => SegmentJson.Describe(Predicate.Definition);
    }

    private volatile IReadOnlyList<Entry> current = [];

    public ChangeSignal Changed { get; } = new(signalLogger);

    public IReadOnlyList<Entry> All => current;

    /// <summary>Segments that apply to a loop: its own and those of every loop.</summary>
    public IEnumerable<Entry> For(string loopId) => current.Where(s => s.LoopId is null || s.LoopId == loopId);

    public Entry? Find(long id) => current.FirstOrDefault(s => s.Id == id);

    public async Task ReloadAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Segments.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        current = rows.Select(s => new Entry(s.Id, s.Name, s.LoopId, s.Description,
            SegmentPredicate.Compile(SegmentJson.ReadStored(s.DefinitionJson)))).ToList();
        Changed.Raise();
    }

    public Task StartAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
