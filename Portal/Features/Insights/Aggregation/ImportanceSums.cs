namespace Portal.Features.Insights.Aggregation;

/// <summary>
/// One segment's Σ|contribution| in an hour, indexed by the batch's term numbers: a decision adds its terms to each of
/// its segments (everyone, each category value, each saved segment), so the terms are looked up once per decision and
/// not once per segment. A term added with 0 still gets its row, as before.
/// </summary>
public sealed class ImportanceSums
{
    private double[] sums = new double[16];
    private bool[] added = new bool[16];

    public void Add(int term, double amount)
    {
        if (term >= sums.Length)
        {
            Array.Resize(ref sums, Math.Max(term + 1, 2 * sums.Length));
            Array.Resize(ref added, sums.Length);
        }
        sums[term] += amount;
        added[term] = true;
    }

    /// <summary>The terms added, with their sums.</summary>
    public IEnumerable<(int Term, double Sum)> Entries()
    {
        for (var term = 0; term < sums.Length; term++)
        {
            if (added[term]) yield return (term, sums[term]);
        }
    }
}
