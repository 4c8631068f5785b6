using System.Text;

namespace Portal.Features.Learning;

/// <summary>Derives the sampling seed from an event id, so a decision can be replayed anywhere.</summary>
public static class EventSeed
{
    /// <summary>Two MurmurHash3 values of the UTF-8 id, stable across runs, processes and machines.</summary>
    public static ulong FromEventId(string eventId)
    {
        var bytes = Encoding.UTF8.GetBytes(eventId ?? "");
        ulong high = MurmurHash3.Hash(bytes, 0x9747b28c);
        ulong low = MurmurHash3.Hash(bytes, 0x5bd1e995);
        return high << 32 | low;
    }
}
