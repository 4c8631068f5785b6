using System.Threading.RateLimiting;

namespace Portal.Infrastructure.Security;

/// <summary>A window permit: it holds nothing, and a refusal says how long until the window ends.</summary>
public sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
{
    public static readonly WindowLease Granted = new(true, null);

    public override bool IsAcquired => acquired;

    public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = retryAfter;
        return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
    }
}
