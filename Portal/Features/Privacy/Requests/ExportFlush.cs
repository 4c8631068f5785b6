using System.Text.Json;

namespace Portal.Features.Privacy.Requests;

/// <summary>A writer over the response buffers everything until flushed: the export hands it on every few pages.</summary>
public static class ExportFlush
{
    public const int Threshold = 32 * 1024;

    public static async ValueTask IfDueAsync(Utf8JsonWriter json, CancellationToken ct)
    {
        if (json.BytesPending >= Threshold) await json.FlushAsync(ct);
    }
}
