using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Personalizer;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Accountability.GoLive;

namespace Portal.Features.Privacy;

/// <summary>Reads <see cref="OptOutTraffic"/> from the decision log (its latest <see cref="OptOutTraffic.Window"/> decisions).</summary>
public sealed class OptOutTrafficQuery(IDbContextFactory<PortalDbContext> dbFactory, ContextUserIds userIds) : IOptOutTraffic
{
    public async Task<OptOutTraffic> OfAsync(string loopId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = db.Decisions.AsNoTracking().Where(d => d.LoopId == loopId).OrderByDescending(d => d.Seq).Take(OptOutTraffic.Window)
            .Select(d => new { d.RequestJson, d.Oversight }).AsAsyncEnumerable();
        int decisions = 0, withUserId = 0, optedOut = 0;
        await foreach (var decision in latest.WithCancellation(ct))
        {
            decisions++;
            // An opted-out decision keeps no context: it counts as honoured, not as carrying an id.
            if ((decision.Oversight & OversightEffects.OptedOut) != 0) optedOut++;
            else if (CarriesUserId(decision.RequestJson)) withUserId++;
        }
        return new OptOutTraffic(decisions, withUserId, optedOut);
    }

    private bool CarriesUserId(string requestJson)
    {
        try
        {
            using var context = LoggedContext.Of(requestJson);
            return userIds.Of(context.Features) is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
