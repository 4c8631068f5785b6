using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Security;

namespace Portal.Features.Integrity.Detection;

/// <summary>
/// Keeps the review queue: a flag opens a finding (audited as the system's), or extends the open finding of the same
/// measurement when the suspicion goes on, so one attack is one item to review, with its whole series as evidence.
/// </summary>
public sealed class FindingStore(IDbContextFactory<PortalDbContext> dbFactory, UrgentWrites urgent, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Most evidence points one finding keeps (its baseline and the latest flagged windows).</summary>
    public const int MaxEvidencePoints = 60;

    /// <summary>Stores the flags of one loop's window; returns the findings opened (not those extended).</summary>
    public async Task<IReadOnlyList<long>> RecordAsync(string loopId, IReadOnlyList<Flag> flags, CancellationToken ct)
    {
        if (flags.Count == 0) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await urgent.BeginTransactionAsync(db, ct);
        var cells = flags.Select(f => f.Measurement.CellKey).ToList();
        var open = await db.ManipulationFindings
            .Where(f => f.LoopId == loopId && f.Status == FindingStatus.Open && cells.Contains(f.CellKey))
            .ToDictionaryAsync(f => f.CellKey, StringComparer.Ordinal, ct);
        var opened = new List<ManipulationFinding>();
        var now = clock.GetUtcNow();
        foreach (var flag in flags)
        {
            if (open.TryGetValue(flag.Measurement.CellKey, out var finding)) Extend(finding, flag, now);
            else opened.Add(db.ManipulationFindings.Add(Open(loopId, flag, now)).Entity);
        }
        await db.SaveChangesAsync(ct);
        foreach (var finding in opened)
        {
            await audit.AppendAsync(db, Actor.System, new AuditRecord("integrity.finding", "finding", finding.Id.ToString(CultureInfo.InvariantCulture), loopId,
                After: AuditRecord.Json(new { kind = finding.Kind.ToString(), subject = finding.Subject, z = Math.Round(finding.ZScore, 2), from = finding.WindowFrom, to = finding.WindowTo })), ct);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return opened.Select(f => f.Id).ToList();
    }

    private static ManipulationFinding Open(string loopId, Flag flag, DateTimeOffset now)
    {
        var m = flag.Measurement;
        return new ManipulationFinding
        {
            LoopId = loopId, Kind = m.Kind, CellKey = m.CellKey, Subject = m.Subject, ActionId = m.ActionId,
            SegmentFeature = m.Segment is { IsEveryone: false } s ? s.Feature : null,
            SegmentValue = m.Segment is { IsEveryone: false } v ? v.Value : null, Source = m.Source,
            FirstSeq = flag.FirstSeq, LastSeq = flag.LastSeq, WindowFrom = flag.From, WindowTo = flag.To,
            Observed = m.Value, BaselineMean = flag.BaselineMean, BaselineSpread = flag.BaselineSpread, ZScore = flag.ZScore,
            Sample = m.Sample, EvidenceJson = FindingEvidence.Write(flag.Evidence), DetectedAt = now, UpdatedAt = now, Status = FindingStatus.Open,
        };
    }

    private static void Extend(ManipulationFinding finding, Flag flag, DateTimeOffset now)
    {
        finding.LastSeq = flag.LastSeq;
        finding.WindowTo = flag.To;
        finding.Observed = flag.Measurement.Value;
        finding.Sample = flag.Measurement.Sample;
        finding.ZScore = Math.Max(finding.ZScore, flag.ZScore);
        var evidence = FindingEvidence.Read(finding.EvidenceJson);
        evidence.Add(flag.Evidence[^1]);
        // Keep the baseline the finding was first judged against, and the newest flagged windows.
        if (evidence.Count > MaxEvidencePoints) evidence.RemoveAt(evidence.FindIndex(p => p.Flagged));
        finding.EvidenceJson = FindingEvidence.Write(evidence);
        finding.UpdatedAt = now;
    }
}
