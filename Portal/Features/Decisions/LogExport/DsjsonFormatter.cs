using System.Buffers;
using System.Text.Json;

namespace Portal.Features.Decisions.LogExport;

/// <summary>
/// DSJSON lines of logged decisions into a buffer of its own, one JSON writer reused for every line; a decision whose
/// logged ranking or request cannot be read is left out and counted. One per thread: it is not thread-safe.
/// </summary>
public sealed class DsjsonFormatter
{
    private readonly LoopExportRules rules;
    // Grows to its part of a batch (half of 1,000 lines of about 1.2 KB on two cores) and stays; a preview of five lines needs little.
    private readonly ArrayBufferWriter<byte> buffer = new(16 * 1024);
    private readonly Utf8JsonWriter json;
    private long unreadable;

    public DsjsonFormatter(LoopExportRules rules)
    {
        this.rules = rules;
        json = new Utf8JsonWriter(buffer, DsjsonLine.Writing);
    }

    /// <summary>The lines formatted since the buffer was last read (<see cref="Lines"/> empties it on the next format).</summary>
    public ReadOnlyMemory<byte> Lines => buffer.WrittenMemory;

    /// <summary>Formats <paramref name="count"/> decisions from <paramref name="start"/>, replacing the lines formatted before.</summary>
    public void Format(IReadOnlyList<LoggedEvent> decisions, int start, int count)
    {
        buffer.ResetWrittenCount();
        json.Reset();
        for (var i = start; i < start + count; i++)
        {
            if (ExportedDecision.Read(decisions[i], rules) is not { } decision)
            {
                unreadable++;
                continue;
            }
            DsjsonLine.Write(json, decision, rules);
            json.Flush();
            json.Reset();
            buffer.GetSpan(1)[0] = (byte)'\n';
            buffer.Advance(1);
        }
    }

    /// <summary>The decisions left out since the last call.</summary>
    public long TakeUnreadable()
    {
        var count = unreadable;
        unreadable = 0;
        return count;
    }
}
