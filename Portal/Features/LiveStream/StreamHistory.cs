using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Personalizer;
using Portal.Data;
using Portal.Features.Segments;

namespace Portal.Features.LiveStream;

/// <summary>The latest logged decisions that match a filter, so a stream page opens full rather than empty.</summary>
public sealed class StreamHistory(IDbContextFactory<PortalDbContext> dbFactory, SegmentCatalog segments)
{
    public const int Scanned = 1000;

    public async Task<IReadOnlyList<StreamRow>> LatestAsync(StreamFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Decisions.AsNoTracking();
        if (filter.LoopId is not null) query = query.Where(d => d.LoopId == filter.LoopId);
        var recent = await query.OrderByDescending(d => d.Seq).Take(Scanned).ToListAsync(ct);

        var rows = new List<StreamRow>(LiveStreamBuffer.Capacity);
        foreach (var d in recent)
        {
            IReadOnlyList<JsonElement> context = [.. LoggedContext.Detached(d.RequestJson).EnumerateArray()];
            var row = new StreamRow
            {
                LoopId = d.LoopId, EventId = d.EventId, CreatedAt = d.CreatedAt, ChosenActionId = d.ChosenActionId,
                Probability = d.ChosenProbability, Explored = d.Explored, BaselineActionId = d.BaselineActionId,
                Oversight = d.Oversight, OversightDetail = d.OversightDetail, Reward = d.Reward, RewardCount = d.RewardCount, Context = context,
            };
            row.Describe(segments);
            if (!filter.Admits(row.LoopId, row.ChosenActionId, row.Explored, row.Overridden, context)) continue;
            rows.Add(row);
            if (rows.Count == LiveStreamBuffer.Capacity) break;
        }
        return rows;
    }
}
