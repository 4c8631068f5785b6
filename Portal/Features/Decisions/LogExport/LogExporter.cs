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
            if (ExportedDecision.Read(logged, plan.Rules) is { } decision) rows.Write(decision);
            else unreadable++;
            if (++read % ProgressEvery != 0) continue;
            await rows.FlushAsync(ct);
            progress?.Report(read);
        }
        await rows.FlushAsync(ct);
        progress?.Report(read);
        return new LogExportResult(read - unreadable, unreadable);
    }

    /// <summary>The export's own first lines (with the CSV header), for the page's preview: not audited, nothing leaves.</summary>
    public async Task<IReadOnlyList<string>> PreviewAsync(LogExportPlan plan, int lines, CancellationToken ct)
    {
        using var output = new MemoryStream();
        var window = plan.Window;
        var rows = window.Format == LogExportFormat.Csv ? new CsvRows(output, plan.Rules) : (IRowWriter)new DsjsonRows(output, plan.Rules);
        await foreach (var logged in reader.ReadAsync(window.LoopId, window.From, window.To, lines, ct))
        {
            if (ExportedDecision.Read(logged, plan.Rules) is { } decision) rows.Write(decision);
        }
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
        void Write(ExportedDecision decision);

        Task FlushAsync(CancellationToken ct);
    }

    /// <summary>DSJSON lines into a buffer, one JSON writer reused for every line.</summary>
    private sealed class DsjsonRows(Stream output, LoopExportRules rules) : IRowWriter
    {
        private readonly ArrayBufferWriter<byte> buffer = new(FlushBytes * 2);
        private Utf8JsonWriter? json;

        public void Write(ExportedDecision decision)
        {
            json ??= new Utf8JsonWriter(buffer, DsjsonLine.Writing);
            json.Reset();
            DsjsonLine.Write(json, decision, rules);
            json.Flush();
            buffer.GetSpan(1)[0] = (byte)'\n';
            buffer.Advance(1);
        }

        public async Task FlushAsync(CancellationToken ct)
        {
            await output.WriteAsync(buffer.WrittenMemory, ct);
            await output.FlushAsync(ct);
            buffer.ResetWrittenCount();
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

        public void Write(ExportedDecision decision)
        {
            LogCsvRow.Write(csv, decision, rules);
        }

        public async Task FlushAsync(CancellationToken ct)
        {
            await text.FlushAsync(ct);
        }
    }
}

/// <summary>What an export wrote: the decisions, and those left out because their log entry could not be read.</summary>
public sealed record LogExportResult(long Written, long Unreadable);
