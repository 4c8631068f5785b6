using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Personalizer;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure.Security;

namespace Portal.Features.Privacy.Public;

/// <summary>
/// The end user's own opt-out, from the signed link of a decision they were shown ("Why this suggestion?"): the
/// decision's context names the user (the application's user id), so the choice applies to every later Rank for them.
/// </summary>
public sealed class SelfServiceOptOut(DecisionLinkTokens links, IDbContextFactory<PortalDbContext> dbFactory, OptOutCheck check, OptOutRegistry registry)
{
    /// <summary>Who the link is about, or null when it is missing, forged, expired, or its decision is gone.</summary>
    public async Task<OptOutSubject?> SubjectAsync(string? token, CancellationToken ct)
    {
        if (links.Read(token) is not { } link) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var decision = await db.Decisions.AsNoTracking()
            .Where(d => d.LoopId == link.LoopId && d.EventId == link.EventId)
            .Select(d => new { d.RequestJson, d.Oversight })
            .FirstOrDefaultAsync(ct);
        if (decision is null) return null;

        using var context = LoggedContext.Of(decision.RequestJson);
        var userId = check.UserIdOf(context.Features);
        return new OptOutSubject(link.LoopId, userId, userId is null ? null : registry.OptedOutAt(link.LoopId, userId),
            (decision.Oversight & OversightEffects.OptedOut) != 0);
    }

    public Task<DateTimeOffset> OptOutAsync(OptOutSubject subject, CancellationToken ct) =>
        registry.OptOutAsync(subject.LoopId, Identified(subject), OptOutSource.Page, Actor.EndUser, ct);

    public Task<bool> OptInAsync(OptOutSubject subject, CancellationToken ct) =>
        registry.OptInAsync(subject.LoopId, Identified(subject), OptOutSource.Page, Actor.EndUser, ct);

    private static string Identified(OptOutSubject subject) =>
        subject.UserId ?? throw new InvalidOperationException("The decision does not name its user; the page offers no choice then.");
}

/// <param name="UserId">The application's id of the user; null when its decision carried none. Never shown.</param>
/// <param name="DecidedWhileOptedOut">The linked decision itself was made for an opted-out user (nothing about them was kept).</param>
public sealed record OptOutSubject(string LoopId, string? UserId, DateTimeOffset? OptedOutAt, bool DecidedWhileOptedOut)
{
    public bool CanChoose => UserId is not null;
}
