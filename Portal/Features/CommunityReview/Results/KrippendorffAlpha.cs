namespace Portal.Features.CommunityReview.Results;

/// <summary>
/// Krippendorff's alpha for nominal data: agreement between reviewers beyond chance, 1 = perfect, 0 = as by chance,
/// below 0 = systematic disagreement. Chosen over Fleiss' kappa because panels have missing data: reviewers stop part
/// way and each item has however many judgements it got; alpha uses every item with at least two (its pairable values)
/// and needs no fixed number of raters. Computed from the coincidence matrix (Krippendorff 2011, "Computing
/// Krippendorff's Alpha-Reliability"): α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k.
/// </summary>
public static class KrippendorffAlpha
{
    /// <summary>The result: alpha (NaN when undefined: fewer than two pairable values, or all of one category) and the pairable values n.</summary>
    public readonly record struct Agreement(double Alpha, int PairableValues, int Units)
    {
        public bool IsDefined => double.IsFinite(Alpha);
    }

    /// <param name="units">Each item's values (one per reviewer who judged it), any number, missing ones simply absent.</param>
    public static Agreement Nominal<T>(IEnumerable<IReadOnlyCollection<T>> units) where T : notnull
    {
        var coincidences = new Dictionary<(T, T), double>();
        var pairable = 0;
        var used = 0;
        foreach (var unit in units)
        {
            var m = unit.Count;
            if (m < 2) continue;
            used++;
            pairable += m;
            var counts = unit.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
            foreach (var (c, nc) in counts)
            foreach (var (k, nk) in counts)
            {
                var pairs = EqualityComparer<T>.Default.Equals(c, k) ? nc * (nc - 1) : nc * nk;
                coincidences[(c, k)] = coincidences.GetValueOrDefault((c, k)) + (double)pairs / (m - 1);
            }
        }
        if (pairable < 2) return new Agreement(double.NaN, pairable, used);

        var marginals = coincidences.GroupBy(e => e.Key.Item1).ToDictionary(g => g.Key, g => g.Sum(e => e.Value));
        var observed = coincidences.Where(e => !EqualityComparer<T>.Default.Equals(e.Key.Item1, e.Key.Item2)).Sum(e => e.Value);
        var expected = 0.0;
        foreach (var (c, nc) in marginals)
        foreach (var (k, nk) in marginals)
            if (!EqualityComparer<T>.Default.Equals(c, k)) expected += nc * nk;
        var n = marginals.Values.Sum();
        return expected == 0
            ? new Agreement(double.NaN, pairable, used)
            : new Agreement(1 - (n - 1) * observed / expected, pairable, used);
    }
}
