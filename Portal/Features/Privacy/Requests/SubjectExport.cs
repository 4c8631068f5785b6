using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Security;

namespace Portal.Features.Privacy.Requests;

/// <summary>
/// Everything held about one person as one JSON document, written to the output as it is read (a holder flushes every
/// 32 KB), so no set is ever in memory whole. The export is recorded in the audit log, with its counts, before its
/// first byte.
/// </summary>
public sealed class SubjectExport(IEnumerable<IPersonalData> holders, OptOutRegistry registry, SubjectAudit audit,
    ActorAuthorization authorization, IOptions<PrivacyOptions> options, TimeProvider clock)
{
    // Letters of every script stay readable; what HTML treats specially stays escaped, should the file be opened in a browser.
    private static readonly JsonWriterOptions Writing = new() { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public async Task WriteAsync(SubjectFindings findings, Actor actor, Stream output, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.HandleDataSubjectRequests);
        var subject = findings.Subject;
        await audit.RecordAsync(actor, SubjectAudit.ExportAction, subject, new { held = findings.ByKind() }, ct);

        await using var json = new Utf8JsonWriter(output, Writing);
        json.WriteStartObject();
        json.WriteString("userId", subject.UserId);
        json.WriteString("contactEmail", subject.ContactEmail);
        json.WriteString("userIdFeature", options.Value.UserIdFeature);
        json.WriteString("exportedAt", clock.GetUtcNow());
        json.WriteStartObject("held");
        foreach (var count in findings.Counts) json.WriteNumber(count.Kind, count.Count);
        json.WriteEndObject();
        foreach (var holder in holders.OrderBy(h => h.ErasureOrder)) await holder.WriteAsync(subject, json, ct);
        await WriteOptOutsAsync(json, subject, ct);
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    private async Task WriteOptOutsAsync(Utf8JsonWriter json, DataSubject subject, CancellationToken ct)
    {
        json.WriteStartArray(SubjectSearch.OptOutsKind);
        foreach (var entry in subject.UserId is { } userId ? await registry.EntriesOfAsync(userId, ct) : [])
        {
            json.WriteStartObject();
            json.WriteString("loopId", entry.LoopId);
            json.WriteString("optedOutAt", entry.OptedOutAt);
            json.WriteString("source", entry.Source.ToString());
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
