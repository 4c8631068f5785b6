using System.Buffers;

namespace Portal.Features.Learning;

/// <summary>
/// Quadratic interactions as VW expands them: explicit pairs (<c>-q ua</c>) are used as given; ':' is a wildcard
/// over the namespaces present in the example (VW expands wildcards over the namespaces it has seen; a namespace
/// absent from an example contributes no terms, so the two agree), and wildcard pairs are combinations with
/// repetition (p ≤ q), so <c>-q ::</c> gives every unordered pair including self-pairs. Self-pairs use i ≤ j.
/// </summary>
internal sealed class InteractionPlan
{
    private const byte Wildcard = (byte)':';
    private readonly (byte First, byte Second)[] patterns;
    private readonly bool all;

    private readonly bool cross;

    public InteractionPlan(IReadOnlyList<string> interactions, bool contextCrossAction = false)
    {
        cross = contextCrossAction;
        patterns = interactions.Select(p => ((byte)p[0], (byte)p[1])).ToArray();
        all = patterns.Any(p => p.First == Wildcard && p.Second == Wildcard);
        if (all) patterns = [(Wildcard, Wildcard)];
    }

    public bool IsEmpty => patterns.Length == 0 && !cross;

    public void WalkContextPairs<TVisitor>(TermWalker walker, FeatureSet context, ref TVisitor visitor)
        where TVisitor : struct, ITermVisitor
    {
        if (patterns.Length == 0) return;
        Span<byte> present = stackalloc byte[context.GroupIndex.Length];
        var n = Present(walker, context, FeatureSet.Empty, present);
        var bound = Bound(n);
        int[]? rented = null;
        Span<int> pairs = bound <= 512 ? stackalloc int[bound] : (rented = ArrayPool<int>.Shared.Rent(bound));
        var count = Generate(present[..n], pairs);
        for (var k = 0; k < count; k++)
        {
            var p = (byte)(pairs[k] >> 8);
            var q = (byte)pairs[k];
            var cp = context.FindGroup(p);
            var cq = p == q ? cp : context.FindGroup(q);
            if (cp < 0 || cq < 0) continue;
            if (p == q) TermWalker.Triangle(context, context.GroupStart[cp], context.GroupStart[cp + 1], 0, ref visitor);
            else TermWalker.Cross(context, context.GroupStart[cp], context.GroupStart[cp + 1], 0,
                context, context.GroupStart[cq], context.GroupStart[cq + 1], 0, ref visitor);
        }

        if (rented is not null) ArrayPool<int>.Shared.Return(rented);
    }

    public void WalkActionPairs<TVisitor>(TermWalker walker, FeatureSet context, FeatureSet action, ref TVisitor visitor)
        where TVisitor : struct, ITermVisitor
    {
        if (action.Count == 0) return;
        if (cross) WalkCross(walker, context, action, ref visitor);
        if (patterns.Length == 0) return;
        Span<byte> present = stackalloc byte[context.GroupIndex.Length + action.GroupIndex.Length];
        var n = Present(walker, context, action, present);
        var bound = Bound(n);
        int[]? rented = null;
        Span<int> pairs = bound <= 512 ? stackalloc int[bound] : (rented = ArrayPool<int>.Shared.Rent(bound));
        var count = Generate(present[..n], pairs);
        for (var k = 0; k < count; k++)
            ActionPair(context, action, (byte)(pairs[k] >> 8), (byte)pairs[k], ref visitor);
        if (rented is not null) ArrayPool<int>.Shared.Return(rented);
    }

    /// <summary>Every context namespace × every action namespace, context feature first.</summary>
    private static void WalkCross<TVisitor>(TermWalker walker, FeatureSet context, FeatureSet action, ref TVisitor visitor)
        where TVisitor : struct, ITermVisitor
    {
        for (var cg = 0; cg < context.GroupIndex.Length; cg++)
        {
            if (walker.IsIgnored(context.GroupIndex[cg])) continue;
            for (var ag = 0; ag < action.GroupIndex.Length; ag++)
            {
                if (walker.IsIgnored(action.GroupIndex[ag])) continue;
                TermWalker.Cross(context, context.GroupStart[cg], context.GroupStart[cg + 1], 0,
                    action, action.GroupStart[ag], action.GroupStart[ag + 1], ~0, ref visitor);
            }
        }
    }

    private static void ActionPair<TVisitor>(FeatureSet c, FeatureSet a, byte p, byte q, ref TVisitor visitor)
        where TVisitor : struct, ITermVisitor
    {
        var ap = a.FindGroup(p);
        var aq = p == q ? ap : a.FindGroup(q);
        if (ap < 0 && aq < 0) return;
        var cp = c.FindGroup(p);
        var cq = p == q ? cp : c.FindGroup(q);
        int apS = ap < 0 ? 0 : a.GroupStart[ap], apE = ap < 0 ? 0 : a.GroupStart[ap + 1];
        int aqS = aq < 0 ? 0 : a.GroupStart[aq], aqE = aq < 0 ? 0 : a.GroupStart[aq + 1];
        int cpS = cp < 0 ? 0 : c.GroupStart[cp], cpE = cp < 0 ? 0 : c.GroupStart[cp + 1];
        int cqS = cq < 0 ? 0 : c.GroupStart[cq], cqE = cq < 0 ? 0 : c.GroupStart[cq + 1];
        if (p == q)
        {
            TermWalker.Triangle(a, apS, apE, ~0, ref visitor);
            TermWalker.Cross(a, apS, apE, ~0, c, cqS, cqE, 0, ref visitor);
            return;
        }

        TermWalker.Cross(a, apS, apE, ~0, a, aqS, aqE, ~0, ref visitor);
        TermWalker.Cross(a, apS, apE, ~0, c, cqS, cqE, 0, ref visitor);
        TermWalker.Cross(c, cpS, cpE, 0, a, aqS, aqE, ~0, ref visitor);
    }

    /// <summary>Sorted union of the namespace indexes of both sets, ignored namespaces left out.</summary>
    private static int Present(TermWalker walker, FeatureSet a, FeatureSet b, Span<byte> present)
    {
        int i = 0, j = 0, n = 0;
        var ga = a.GroupIndex;
        var gb = b.GroupIndex;
        while (i < ga.Length || j < gb.Length)
        {
            byte next;
            if (j >= gb.Length || (i < ga.Length && ga[i] < gb[j])) next = ga[i++];
            else if (i >= ga.Length || gb[j] < ga[i]) next = gb[j++];
            else { next = ga[i++]; j++; }
            if (!walker.IsIgnored(next)) present[n++] = next;
        }

        return n;
    }

    private int Bound(int n) => all ? n * (n + 1) / 2 : patterns.Length * Math.Max(n, 1);

    /// <summary>Pairs (p &lt;&lt; 8 | q) to evaluate for the namespaces present, duplicates removed.</summary>
    private int Generate(ReadOnlySpan<byte> present, Span<int> pairs)
    {
        var count = 0;
        if (all)
        {
            for (var i = 0; i < present.Length; i++)
                for (var j = i; j < present.Length; j++)
                    pairs[count++] = present[i] << 8 | present[j];
            return count;
        }

        foreach (var (first, second) in patterns)
        {
            if (first != Wildcard && second != Wildcard)
            {
                if (present.Contains(first) && present.Contains(second)) count = AddUnique(pairs, count, first << 8 | second);
                continue;
            }

            var fixedNs = first == Wildcard ? second : first;
            if (fixedNs != Wildcard && !present.Contains(fixedNs)) continue;
            foreach (var other in present)
            {
                var (lo, hi) = fixedNs < other ? (fixedNs, other) : (other, fixedNs);
                count = AddUnique(pairs, count, lo << 8 | hi);
            }
        }

        return count;
    }

    private static int AddUnique(Span<int> pairs, int count, int pair)
    {
        if (pairs[..count].Contains(pair)) return count;
        pairs[count] = pair;
        return count + 1;
    }
}
