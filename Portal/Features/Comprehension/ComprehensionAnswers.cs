using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Contracts.Personalizer;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Privacy;
using Portal.Infrastructure.Security;

namespace Portal.Features.Comprehension;

/// <summary>
/// Reads the decision a Why link names for the question "Was this explanation clear?", and stores the answer: one row
/// per decision (a second answer replaces the first, so n counts decisions, not clicks), with the decision's loop, time,
/// user hash and automatic segments. Not asked for an opted-out user, whose data is not kept.
/// </summary>
public sealed class ComprehensionAnswers(DecisionLinkTokens tokens, IDbContextFactory<PortalDbContext> dbFactory, OptOutCheck optOuts,
    OptOutRegistry registry, UserIds userIds, TimeProvider clock)
{
    public const int MaxSegments = 200;
    public const int MaxFeatureLength = 200;
    public const int MaxValueLength = 256;

    /// <summary>The link's decision, or null when the link is missing, forged, expired, or its decision is gone.</summary>
    public async Task<ComprehensionSubject?> SubjectAsync(string? token, CancellationToken ct)
    {
        if (tokens.Read(token) is not { } link) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var decision = await db.Decisions.AsNoTracking()
            .Where(d => d.LoopId == link.LoopId && d.EventId == link.EventId)
            .Select(d => new { d.CreatedAt, d.RequestJson, d.Oversight })
            .FirstOrDefaultAsync(ct);
        if (decision is null) return null;
        var answeredAt = await db.ComprehensionAnswers.AsNoTracking()
            .Where(a => a.LoopId == link.LoopId && a.EventId == link.EventId)
            .Select(a => (DateTimeOffset?)a.AnsweredAt).FirstOrDefaultAsync(ct);

        using var logged = LoggedContext.Of(decision.RequestJson);
        var context = logged.Features;
        var userId = optOuts.UserIdOf(context);
        var optedOut = (decision.Oversight & OversightEffects.OptedOut) != 0 || (userId is not null && registry.OptedOutAt(link.LoopId, userId) is not null);
        return new ComprehensionSubject(link.LoopId, link.EventId, decision.CreatedAt, !optedOut, answeredAt,
            userId is null ? null : UserIds.ToHex(userIds.Hash(userId)), SegmentsOf(context));
    }

    /// <summary>Stores a valid answer, replacing an earlier one of the same decision; returns when it was stored.</summary>
    public async Task<DateTimeOffset> RecordAsync(ComprehensionSubject subject, AnswerForm form, CancellationToken ct)
    {
        if (!subject.Asked) throw new InvalidOperationException("The question is not asked for an opted-out user.");
        if (form.Answer is not { } clear || !form.IsValid) throw new ArgumentException("The answer has problems; show them instead.", nameof(form));
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One statement decides insert or replace, so two posts at once cannot make two rows.
        var id = (await db.Database.SqlQuery<long>($"""
            INSERT INTO ComprehensionAnswers (LoopId, EventId, DecidedAt, AnsweredAt, Clear, Comment, UserHash)
            VALUES ({subject.LoopId}, {subject.EventId}, {subject.DecidedAt.ToUnixTimeMilliseconds()}, {now.ToUnixTimeMilliseconds()}, {clear}, {form.CleanComment}, {subject.UserHash})
            ON CONFLICT (LoopId, EventId) DO UPDATE SET AnsweredAt = excluded.AnsweredAt, Clear = excluded.Clear, Comment = excluded.Comment, UserHash = excluded.UserHash
            RETURNING Id AS Value
            """).ToListAsync(ct)).Single();
        await db.ComprehensionSegments.Where(s => s.AnswerId == id).ExecuteDeleteAsync(ct);
        db.ComprehensionSegments.AddRange(subject.Segments.Select(s => new ComprehensionSegment { AnswerId = id, Feature = s.Feature, Value = s.Value }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return now;
    }

    /// <summary>Each categorical value once (a list's values each on their own); long paths and values are left out rather than cut.</summary>
    private static List<(string Feature, string Value)> SegmentsOf(IReadOnlyList<JsonElement> context) =>
        FeatureJson.Leaves(context)
            .Where(l => l.IsCategory && l.Path.Length <= MaxFeatureLength && l.Value.Length <= MaxValueLength)
            .Select(l => (l.Path, l.Value))
            .Distinct()
            .Take(MaxSegments)
            .ToList();
}
