namespace Portal.Features.Insights.Statistics;

/// <summary>
/// The share of a group's end users who found the Why page's explanation clear, with Wilson's 95% score interval.
/// Under <see cref="SmallSample"/> answers it says little: the guidance suggests a user study of 10–20 people.
/// </summary>
public sealed record ComprehensionRate(string Label, long Answers, long Clear)
{
    public const int SmallSample = 10;

    public double Rate => Answers == 0 ? double.NaN : (double)Clear / Answers;

    public Interval Interval95 => MeanEstimate.Wilson(Clear, Answers);

    public bool IsSmall => Answers < SmallSample;
}
