using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Privacy.Requests;

namespace Portal.Features.Comprehension;

/// <summary>
/// A person's answers to "Was this explanation clear?" for data-subject requests, found by the keyed hash of their user
/// id stored with each answer: counted, exported (with their comments) and erased with the segments kept beside them.
/// </summary>
public sealed class SubjectComprehensionAnswers(IDbContextFactory<PortalDbContext> dbFactory) : IPersonalData
{
    public const string Kind = "comprehensionAnswers";
    private const string Label = "Answers to \"Was this explanation clear?\"";

    public int ErasureOrder => 0;

    public string Step => Label;

    public async Task<IReadOnlyList<HeldCount>> CountAsync(DataSubject subject, IProgress<double> progress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var count = await Of(db, subject).LongCountAsync(ct);
        progress.Report(1);
        return [new HeldCount(Kind, Label, count)];
    }

    public async Task WriteAsync(DataSubject subject, Utf8JsonWriter json, CancellationToken ct)
    {
        json.WriteStartArray(Kind);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await foreach (var answer in Of(db, subject).AsNoTracking().OrderBy(a => a.Id)
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteString("loopId", answer.LoopId);
            json.WriteString("eventId", answer.EventId);
            json.WriteString("decidedAt", answer.DecidedAt);
            json.WriteString("answeredAt", answer.AnsweredAt);
            json.WriteBoolean("clear", answer.Clear);
            json.WriteString("comment", answer.Comment);
            json.WriteEndObject();
            await ExportFlush.IfDueAsync(json, ct);
        }
        json.WriteEndArray();
    }

    public async Task EraseAsync(Erasure erasure, IProgress<double> progress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var answers = Of(db, erasure.Subject);
        await db.ComprehensionSegments.Where(s => answers.Any(a => a.Id == s.AnswerId)).ExecuteDeleteAsync(ct);
        var erased = await answers.ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        erasure.Add(Kind, Label, erased);
        progress.Report(1);
    }

    /// <summary>The subject's answers, by the user id's hash; none for a subject known by a contact address only.</summary>
    private static IQueryable<ComprehensionAnswer> Of(PortalDbContext db, DataSubject subject) =>
        subject.UserHash is { } hash ? db.ComprehensionAnswers.Where(a => a.UserHash == hash) : db.ComprehensionAnswers.Where(a => false);
}
