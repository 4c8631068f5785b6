using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.CommunityReview.Sampling;
using Portal.Features.Privacy.Requests;

namespace Portal.Features.CommunityReview.Panels;

/// <summary>
/// The review-panel items drawn from a person's decisions, for data-subject requests. An item shows no id, but it keeps
/// the decision's event id (to link tickets) and the values its context had, so it is the person's data while the
/// decision is in the log: found through that decision, exported with its judgements, and erased (with its judgements)
/// before the decisions go. Panels' results then count one item fewer.
/// </summary>
public sealed class SubjectPanelItems(IDbContextFactory<PortalDbContext> dbFactory) : IPersonalData
{
    public const string Kind = "reviewPanelItems";
    private const string Label = "Community review items";

    /// <summary>Before the tickets and the decisions: the items are found through the decisions.</summary>
    public int ErasureOrder => -1;

    public string Step => Label;

    public async Task<IReadOnlyList<HeldCount>> CountAsync(DataSubject subject, IProgress<double> progress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await MatchingAsync(db, subject, ct);
        progress.Report(1);
        return [new HeldCount(Kind, Label, ids.Count)];
    }

    public async Task WriteAsync(DataSubject subject, Utf8JsonWriter json, CancellationToken ct)
    {
        json.WriteStartArray(Kind);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await MatchingAsync(db, subject, ct);
        var items = await db.ReviewPanelItems.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Join(db.ReviewPanels, i => i.PanelId, p => p.Id, (i, p) => new { i.Id, Panel = p.Name, i.Segment, i.ItemJson }).ToListAsync(ct);
        var judgements = (await db.ReviewJudgements.AsNoTracking().Where(j => ids.Contains(j.ItemId)).ToListAsync(ct)).ToLookup(j => j.ItemId);
        foreach (var item in items)
        {
            JsonSerializer.Serialize(json, new
            {
                panel = item.Panel, segment = item.Segment, shown = ItemAnonymizer.Deserialize(item.ItemJson),
                judgements = judgements[item.Id].Select(j => new { verdict = j.Verdict.ToString(), note = j.Note, judgedAt = j.JudgedAt }),
            });
            await ExportFlush.IfDueAsync(json, ct);
        }
        json.WriteEndArray();
    }

    public async Task EraseAsync(Erasure erasure, IProgress<double> progress, CancellationToken ct)
    {
        erasure.Add(Kind, Label, 0);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await MatchingAsync(db, erasure.Subject, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.ReviewJudgements.Where(j => ids.Contains(j.ItemId)).ExecuteDeleteAsync(ct);
        var removed = await db.ReviewPanelItems.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        erasure.Add(Kind, Label, removed);
        progress.Report(1);
    }

    // A subject known by a contact address only has no items: they are found through the contexts' user ids.
    private static Task<List<long>> MatchingAsync(PortalDbContext db, DataSubject subject, CancellationToken ct) =>
        subject.UserId is null ? Task.FromResult(new List<long>()) : SubjectSql.IdsAsync(db.Database, subject, MatchingSql, PostgresMatchingSql, ct);

    // From the items (few) to their decisions by the unique (loop, event) index: only those requests are read as JSON.
    private static string Matching(bool postgres) => $"""
        SELECT i.Id AS "Value" FROM ReviewPanelItems AS i
        JOIN Decisions AS d ON d.LoopId = i.LoopId AND d.EventId = i.EventId
        WHERE {SubjectSql.Names("d.RequestJson", postgres)}
        ORDER BY i.Id
        """;

    private static readonly string MatchingSql = Matching(postgres: false);
    private static readonly string PostgresMatchingSql = Matching(postgres: true);
}
