using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Infrastructure.Export;
using Portal.Infrastructure.Security;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// Writes a planned export to a stream as it reads the log (a thousand decisions at a time, never whole), after recording it in the
/// audit log. Only for <see cref="PortalPolicies.ReadDecisionLog"/>. A decision whose logged ranking or request cannot be
/// read is left out and counted. Progress is the number of decisions read so far.
/// </summary>
public sealed class LogExporter(DecisionLogReader reader, IDbContextFactory<PortalDbContext> dbFactory, AuditTrail audit, ActorAuthorization authorization)
{
    public const string AuditAction = "loop.logs.export";
    private const int FlushBytes = 64 * 1024;
    // Written and reported every thousand decisions: about a megabyte of DSJSON, a few milliseconds of work.
    private const int ProgressEvery = 1_000;

    public async Task<LogExportResult> WriteAsync(LogExportPlan plan, Actor actor, Stream output, IProgress<long>? progress, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ReadDecisionLog);
        await RecordAsync(plan, actor, ct);
        var window = plan.Window;
        var rows = window.Format == LogExportFormat.Csv ? new CsvRows(output, plan.Rules) : (IRowWriter)new DsjsonRows(output, plan.Rules);
        long read = 0, unreadable = 0;
        await foreach (var logged in reader.ReadAsync(window.LoopId, window.From, window.To, long.MaxValue, ct))
        {
            rows.Add(logged);
            if (++read % ProgressEvery != 0) continue;
            unreadable += await rows.FlushAsync(ct);
            progress?.Report(read);
        }
        unreadable += await rows.FlushAsync(ct);
        progress?.Report(read);
        return new LogExportResult(read - unreadable, unreadable);
    }

    /// <summary>The export's own first lines (with the CSV header), for the page's preview: not audited, nothing leaves.</summary>
    public async Task<IReadOnlyList<string>> PreviewAsync(LogExportPlan plan, int lines, CancellationToken ct)
    {
        using var output = new MemoryStream();
        var window = plan.Window;
        var rows = window.Format == LogExportFormat.Csv ? new CsvRows(output, plan.Rules) : (IRowWriter)new DsjsonRows(output, plan.Rules);
        await foreach (var logged in reader.ReadAsync(window.LoopId, window.From, window.To, lines, ct)) rows.Add(logged);
        await rows.FlushAsync(ct);
        return Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
    }

    private async Task RecordAsync(LogExportPlan plan, Actor actor, CancellationToken ct)
    {
        var window = plan.Window;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await audit.AppendAsync(db, actor, new AuditRecord(AuditAction, "loop", window.LoopId, window.LoopId,
            After: AuditRecord.Json(new { format = window.Format.Name(), from = window.From, to = window.To, decisions = plan.Events, optedOut = plan.OptedOut })), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private interface IRowWriter
    {
        void Add(LoggedEvent logged);

        /// <summary>Writes the decisions added since the last flush; how many of them could not be read (left out).</summary>
        Task<long> FlushAsync(CancellationToken ct);
    }

    /// <summary>
    /// DSJSON lines, a batch at a time: the batch is cut in as many parts as there are cores (up to four), each part's lines
    /// formatted on a thread of its own into a buffer of its own, and the buffers written in order. Formatting a line costs
    /// more than reading its row, so on two cores the parts share the processor with the read of the next page instead of
    /// one thread formatting while the other waits.
    /// </summary>
    private sealed class DsjsonRows(Stream output, LoopExportRules rules) : IRowWriter
    {
        private const int LinesPerPart = 128;
        private static readonly int Parts = Math.Clamp(Environment.ProcessorCount, 1, 4);

        private readonly DsjsonFormatter[] formatters = Enumerable.Range(0, Parts).Select(_ => new DsjsonFormatter(rules)).ToArray();
        private readonly List<LoggedEvent> batch = new(ProgressEvery);

        public void Add(LoggedEvent logged) => batch.Add(logged);

        public async Task<long> FlushAsync(CancellationToken ct)
        {
            var parts = Math.Clamp(batch.Count / LinesPerPart, 1, Parts);
            var size = (batch.Count + parts - 1) / parts;
            var others = new Task[parts - 1];
            for (var p = 1; p < parts; p++)
            {
                var (formatter, start) = (formatters[p], p * size);
                others[p - 1] = Task.Run(() => formatter.Format(batch, start, Math.Min(size, batch.Count - start)), ct);
            }
            formatters[0].Format(batch, 0, Math.Min(size, batch.Count));
            await Task.WhenAll(others);
            batch.Clear();
            var unreadable = 0L;
            for (var p = 0; p < parts; p++)
            {
                await output.WriteAsync(formatters[p].Lines, ct);
                unreadable += formatters[p].TakeUnreadable();
            }
            await output.FlushAsync(ct);
            return unreadable;
        }
    }

    /// <summary>CSV rows through a text writer, after the header.</summary>
    private sealed class CsvRows : IRowWriter
    {
        private readonly StreamWriter text;
        private readonly CsvWriter csv;
        private readonly LoopExportRules rules;

        public CsvRows(Stream output, LoopExportRules rules)
        {
            this.rules = rules;
            text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), FlushBytes, leaveOpen: true);
            csv = new CsvWriter(text).Row(LogCsvRow.Header);
        }

        private long unreadable;

        public void Add(LoggedEvent logged)
        {
            if (ExportedDecision.Read(logged, rules) is { } decision) LogCsvRow.Write(csv, decision, rules);
            else unreadable++;
        }

        public async Task<long> FlushAsync(CancellationToken ct)
        {
            await text.FlushAsync(ct);
            (var count, unreadable) = (unreadable, 0);
            return count;
        }
    }
}

/// <summary>What an export wrote: the decisions, and those left out because their log entry could not be read.</summary>
public sealed record LogExportResult(long Written, long Unreadable);
