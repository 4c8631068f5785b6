using System.Globalization;
using System.Text;

namespace Portal.Features.Learning;

/// <summary>
/// Learning settings of a loop, VW-style. Defaults are VW's own defaults (learning rate 0.5, power_t 0.5, 18 bits,
/// adaptive + normalized + invariant updates, mtr, ε = 0.05 as VW; Personalizer sends ε = 0.2).
/// <see cref="Arguments"/> is the argument string shown to users (the one parsed, or a canonical rendering).
/// Equality compares the settings, not the spelling of the arguments.
/// </summary>
public sealed record LearnerPolicy
{
    public const int MinBits = 1;
    public const int MaxBits = 26;

    public double Epsilon { get; init; } = 0.05;
    public double LearningRate { get; init; } = 0.5;
    public double PowerT { get; init; } = 0.5;
    public double InitialT { get; init; }
    public int Bits { get; init; } = 18;

    /// <summary>Quadratic interactions as pairs of namespace indexes; ':' is VW's wildcard (e.g. "::", "xa", "u:").</summary>
    public IReadOnlyList<string> Interactions { get; init; } = [];

    /// <summary>
    /// Portal extension (<c>--cross</c>): the score keeps only terms that can change which action is best — the
    /// constant, the action's features and every context namespace × every action namespace. Context-only terms
    /// (context linear terms and context × context pairs) are left out: they shift all actions alike.
    /// </summary>
    public bool CrossContextAction { get; init; }

    public CbType CbType { get; init; } = CbType.Mtr;
    public ExplorationKind Exploration { get; init; } = ExplorationKind.EpsilonGreedy;

    /// <summary>γ scale of <see cref="ExplorationKind.InverseGap"/> (γ = scale · √t), VW's squarecb default 10.</summary>
    public double GapScale { get; init; } = 10;

    /// <summary>mtr importance weight 1/p instead of VW's 1/p · (events / actions seen).</summary>
    public bool UnscaledImportance { get; init; }
    public double L1 { get; init; }
    public double L2 { get; init; }
    public bool Constant { get; init; } = true;
    public bool Adaptive { get; init; } = true;
    public bool Normalized { get; init; } = true;
    public bool Invariant { get; init; } = true;

    /// <summary>Namespace indexes whose features are dropped entirely (<c>--ignore</c>).</summary>
    public string Ignore { get; init; } = "";

    /// <summary>Namespace indexes whose linear terms are dropped, interactions kept (<c>--ignore_linear</c>).</summary>
    public string IgnoreLinear { get; init; } = "";

    /// <summary>Input-format flags accepted for compatibility (e.g. <c>--dsjson</c>); they change nothing.</summary>
    public IReadOnlyList<string> CompatibilityFlags { get; init; } = [];

    public string Arguments
    {
        get => field ?? Canonical;
        init;
    }

    /// <summary>The settings rendered in one fixed order (used for equality).</summary>
    public string Canonical => Render();

    public bool Equals(LearnerPolicy? other) => other is not null && Canonical == other.Canonical;

    public override int GetHashCode() => Canonical.GetHashCode(StringComparison.Ordinal);

    private string Render()
    {
        var s = new StringBuilder("--cb_explore_adf");
        s.Append(" --epsilon ").Append(Format(Epsilon));
        foreach (var flag in CompatibilityFlags) s.Append(' ').Append(flag);
        s.Append(" --cb_type ").Append(CbType.ToString().ToLowerInvariant());
        s.Append(" -l ").Append(Format(LearningRate));
        s.Append(" --power_t ").Append(Format(PowerT));
        if (InitialT != 0) s.Append(" --initial_t ").Append(Format(InitialT));
        foreach (var pair in Interactions) s.Append(" -q ").Append(pair);
        if (CrossContextAction) s.Append(" --cross");
        if (L1 != 0) s.Append(" --l1 ").Append(Format(L1));
        if (L2 != 0) s.Append(" --l2 ").Append(Format(L2));
        if (Bits != 18) s.Append(" -b ").Append(Bits.ToString(CultureInfo.InvariantCulture));
        if (!Constant) s.Append(" --noconstant");
        foreach (var ns in Ignore) s.Append(" --ignore ").Append(ns);
        foreach (var ns in IgnoreLinear) s.Append(" --ignore_linear ").Append(ns);
        if (!(Adaptive && Normalized && Invariant)) AppendUpdateRule(s);
        if (Exploration == ExplorationKind.InverseGap) s.Append(" --igw ").Append(Format(GapScale));
        if (UnscaledImportance) s.Append(" --unscaled_importance");
        return s.ToString();
    }

    private void AppendUpdateRule(StringBuilder s)
    {
        if (!Adaptive && !Normalized && !Invariant) { s.Append(" --sgd"); return; }
        if (Adaptive) s.Append(" --adaptive");
        if (Normalized) s.Append(" --normalized");
        if (Invariant) s.Append(" --invariant");
    }

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
