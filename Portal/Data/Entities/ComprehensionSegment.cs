namespace Portal.Data.Entities;

/// <summary>
/// An automatic segment the answered decision falls in: one categorical value of its context (<c>user.ageBand</c> =
/// "65+"), kept with the answer so that comprehension can be counted per group as the bias page compares them.
/// </summary>
public sealed class ComprehensionSegment
{
    public long AnswerId { get; set; }

    /// <summary>The dotted path of the feature.</summary>
    public required string Feature { get; set; }

    public required string Value { get; set; }
}
