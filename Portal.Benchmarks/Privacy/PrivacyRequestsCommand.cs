using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Benchmarks.Feedback;
using Portal.Benchmarks.Insights;
using Portal.Benchmarks.Service;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Decisions.Log;
using Portal.Features.Feedback;
using Portal.Features.Loops;
using Portal.Features.Privacy;
using Portal.Features.Privacy.Requests;
using Portal.Infrastructure.Security;

namespace Portal.Benchmarks.Privacy;

/// <summary>
/// <c>privacy-requests</c>: a fresh database with --decisions (1,000,000) logged decisions of the demo's world, whose
/// 5,000 visitors carry user ids (about 200 decisions each), and --tickets (100,000) generated tickets, three of them
/// about one visitor's decisions; then the data-subject requests as the page runs them: find (median of --repeats, for
/// that visitor and for an unknown id), the JSON export, and the erasure of three visitors one after the other.
/// Options: --decisions, --tickets, --repeats, --data.
/// </summary>
public static class PrivacyRequestsCommand
{
    public const string LoopId = "privacy-bench";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args);
        var count = options.Int("decisions", 1_000_000);
        var tickets = options.Int("tickets", 100_000);
        var repeats = options.Int("repeats", 5);
        var given = options.Text("data", "");
        var folder = given.Length > 0 ? Path.GetFullPath(given) : Directory.CreateTempSubdirectory("portal-privacy-requests-").FullName;
        try
        {
            await using var host = await InsightsHost.CreateAsync(folder);
            var services = host.Services;
            var created = await services.GetRequiredService<LoopProvisioning>().CreateAsync(LoopId, "Privacy benchmark", LoopSettings.Default, null, Actor.System, CancellationToken.None);
            if (created.Error is not null) throw new InvalidOperationException(created.Error);

            Console.WriteLine($"privacy-requests: {count:N0} decisions of the demo world (5,000 visitors with user ids) and {tickets:N0} tickets, {Environment.ProcessorCount} cores");
            var generation = Stopwatch.StartNew();
            await new DecisionGenerator().WriteAsync(host.Storage, LoopId, count, TimeSpan.FromDays(30), CancellationToken.None);
            var assignees = await FeedbackBoardCommand.PrepareAsync(services, host.Storage);
            await TicketGenerator.GenerateAsync(host.Storage, tickets, assignees, DateTimeOffset.UtcNow);
            await TicketsAboutAsync(services, "visitor-17", 3);
            Console.WriteLine($"  generated in {generation.Elapsed.TotalSeconds:F1} s; database {new FileInfo(host.Storage.DatabasePath).Length / 1e6:N0} MB");

            var search = services.GetRequiredService<SubjectSearch>();
            var admin = Actor.System;
            SubjectFindings? found = null;
            var known = await Timing.MeasureAsync(repeats, async () => found = await search.FindAsync(SubjectQuery.ByUserId("visitor-17"), admin, null, CancellationToken.None), warmups: 1);
            var unknown = await Timing.MeasureAsync(repeats, () => search.FindAsync(SubjectQuery.ByUserId("nobody-at-all"), admin, null, CancellationToken.None), warmups: 0);
            Console.WriteLine($"  find visitor-17 ({Held(found!)}): median {known.Median:N0} ms, max {known.Max:N0} ms ({count / known.Median * 1000:N0} decisions/s)");
            Console.WriteLine($"  find an unknown id: median {unknown.Median:N0} ms, max {unknown.Max:N0} ms");

            var output = new CountingStream();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var exportWatch = Stopwatch.StartNew();
            await services.GetRequiredService<SubjectExport>().WriteAsync(found!, admin, output, CancellationToken.None);
            Console.WriteLine($"  export of visitor-17 (after its find): {exportWatch.Elapsed.TotalMilliseconds:N0} ms, {output.Length / 1024.0:N0} KB written, " +
                              $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:N0} MB allocated in all (streamed: never held whole)");

            var erasure = services.GetRequiredService<SubjectErasure>();
            foreach (var visitor in new[] { "visitor-17", "visitor-18", "visitor-19" })
            {
                var watch = Stopwatch.StartNew();
                var result = await erasure.EraseAsync(SubjectQuery.ByUserId(visitor), removeOptOuts: false, admin, null, CancellationToken.None);
                Console.WriteLine($"  erase {visitor}: {watch.Elapsed.TotalMilliseconds:N0} ms, {Held(result.Erased)}, {result.Outcome}");
            }
            await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            Console.WriteLine($"  left: {await db.Decisions.CountAsync():N0} decisions; visitor-17 now: {Held(await search.FindAsync(SubjectQuery.ByUserId("visitor-17"), admin, null, CancellationToken.None))}");
            return 0;
        }
        finally
        {
            if (given.Length == 0)
            {
                SqliteConnectionPools.Clear();
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string Held(SubjectFindings findings) => Held(findings.Counts);

    private static string Held(IReadOnlyList<HeldCount> counts) => string.Join(", ", counts.Where(c => c.Count > 0).Select(c => $"{c.Count:N0} {c.Kind}"));

    /// <summary>Tickets about some of the visitor's decisions, as the feedback form makes them: a snapshot of the decision, a contact address.</summary>
    private static async Task TicketsAboutAsync(IServiceProvider services, string userId, int count)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var decisions = await db.Decisions.Where(d => d.RequestJson.Contains("\"" + userId + "\"")).OrderBy(d => d.Seq).Take(count).ToListAsync();
        var now = DateTimeOffset.UtcNow;
        foreach (var d in decisions)
        {
            var context = System.Text.Json.JsonDocument.Parse(d.RequestJson).RootElement.GetProperty("contextFeatures").GetRawText();
            db.FeedbackTickets.Add(new FeedbackTicket
            {
                Reference = TicketReference.New(), CreatedAt = now, LastSubmittedAt = now, UpdatedAt = now, DueAt = now.AddDays(2),
                Category = FeedbackCategory.PrivacyConcern, Message = "Why was I shown this?", ContactEmail = "visitor@example.com", ConsentToContact = true,
                SourceHash = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), TextHash = "bench", LoopId = d.LoopId, EventId = d.EventId, Priority = TicketPriority.P2,
                DecisionJson = $$"""{"loopId":"{{d.LoopId}}","eventId":"{{d.EventId}}","contextFeatures":{{context}}}""",
            });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Counts what the export writes, keeping none of it.</summary>
    private sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => length;
        public override long Position { get => length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
