using System.Runtime.CompilerServices;

namespace Portal.Features.Learning;

/// <summary>
/// Enumerates the terms of a linear score over context + action features, as VW does for an ADF example
/// (shared features merged after the action's own): the constant, linear terms and quadratic interactions.
/// The context-only part (context linear terms and context × context interactions) is the same for every action,
/// so ranking walks it once; the action part holds every term that involves the action.
/// Feature ids passed to visitors: context feature i → i, action feature i → ~i, none → <see cref="None"/>.
/// </summary>
internal sealed class TermWalker
{
    public const int None = int.MinValue;
    public const int ConstantId = int.MinValue + 1;

    /// <summary>VW's hash of the constant feature.</summary>
    public const uint ConstantHash = 11650396;

    private const uint FnvPrime = 16777619;

    private readonly InteractionPlan plan;
    private readonly bool[] ignored = new bool[256];
    private readonly bool[] ignoredLinear = new bool[256];
    private readonly bool constant;
    private readonly bool contextTerms;

    public TermWalker(LearnerPolicy policy)
    {
        plan = new InteractionPlan(policy.Interactions, policy.CrossContextAction);
        foreach (var c in policy.Ignore) ignored[(byte)c] = true;
        foreach (var c in policy.IgnoreLinear) ignoredLinear[(byte)c] = true;
        constant = policy.Constant;
        contextTerms = !policy.CrossContextAction;
    }

    public static uint InteractionHash(uint first, uint second) => unchecked(FnvPrime * first) ^ second;

    /// <summary>Context linear terms and context × context interactions.</summary>
    public void WalkContext<TVisitor>(FeatureSet context, ref TVisitor visitor) where TVisitor : struct, ITermVisitor
    {
        if (!contextTerms) return;
        Linear(context, 0, ref visitor);
        if (!plan.IsEmpty) plan.WalkContextPairs(this, context, ref visitor);
    }

    /// <summary>Constant, action linear terms, and every interaction term that involves an action feature.</summary>
    public void WalkAction<TVisitor>(FeatureSet context, FeatureSet action, ref TVisitor visitor) where TVisitor : struct, ITermVisitor
    {
        if (constant) visitor.Visit(ConstantHash, 1f, ConstantId, None);
        Linear(action, ~0, ref visitor);
        if (!plan.IsEmpty) plan.WalkActionPairs(this, context, action, ref visitor);
    }

    public void WalkAll<TVisitor>(FeatureSet context, FeatureSet action, ref TVisitor visitor) where TVisitor : struct, ITermVisitor
    {
        WalkContext(context, ref visitor);
        WalkAction(context, action, ref visitor);
    }

    public bool IsIgnored(byte ns) => ignored[ns];

    private void Linear<TVisitor>(FeatureSet set, int idFlip, ref TVisitor visitor) where TVisitor : struct, ITermVisitor
    {
        var groups = set.GroupIndex;
        var hashes = set.Hashes;
        var values = set.Values;
        for (var g = 0; g < groups.Length; g++)
        {
            if (ignored[groups[g]] || ignoredLinear[groups[g]]) continue;
            for (int i = set.GroupStart[g], end = set.GroupStart[g + 1]; i < end; i++)
                visitor.Visit(hashes[i], values[i], i ^ idFlip, None);
        }
    }

    /// <summary>All pairs of two feature ranges (first × second).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Cross<TVisitor>(FeatureSet a, int aStart, int aEnd, int aFlip, FeatureSet b, int bStart, int bEnd, int bFlip,
        ref TVisitor visitor) where TVisitor : struct, ITermVisitor
    {
        var aHashes = a.Hashes;
        var aValues = a.Values;
        var bHashes = b.Hashes;
        var bValues = b.Values;
        for (var i = aStart; i < aEnd; i++)
        {
            var half = unchecked(FnvPrime * aHashes[i]);
            var x = aValues[i];
            for (var j = bStart; j < bEnd; j++)
                visitor.Visit(half ^ bHashes[j], x * bValues[j], i ^ aFlip, j ^ bFlip);
        }
    }

    /// <summary>Pairs i ≤ j within one range (VW's self-interaction without duplicate pairs).</summary>
    public static void Triangle<TVisitor>(FeatureSet a, int start, int end, int flip, ref TVisitor visitor)
        where TVisitor : struct, ITermVisitor
    {
        var hashes = a.Hashes;
        var values = a.Values;
        for (var i = start; i < end; i++)
        {
            var half = unchecked(FnvPrime * hashes[i]);
            var x = values[i];
            for (var j = i; j < end; j++)
                visitor.Visit(half ^ hashes[j], x * values[j], i ^ flip, j ^ flip);
        }
    }
}
