using System.Globalization;

namespace Portal.Features.Learning;

/// <summary>
/// Parses VW-style policy arguments as Personalizer clients send them. Unknown or unsupported flags are refused
/// with a message naming the flag (the API answers 400 InvalidPolicyConfiguration with it).
/// </summary>
public static class PolicyParser
{
    public const string PersonalizerDefault = "--cb_explore_adf --epsilon 0.2 --power_t 0 -l 0.001 --cb_type mtr -q ::";

    /// <summary>VW's own defaults ("D" in the benchmark protocol) at Personalizer's exploration budget.</summary>
    public const string VowpalWabbitDefault = "--cb_explore_adf --epsilon 0.2 --cb_type mtr -q ::";

    /// <summary>The benchmark winner (see Portal.Benchmarks/LEARNER.md): same ε = 0.2 budget as Personalizer.</summary>
    public const string PortalDefault = "--cb_explore_adf --epsilon 0.2 --cb_type mtr --cross --igw 10 --unscaled_importance -l 2";

    /// <summary>Flags VW knows that this learner does not implement: refused by name rather than ignored.</summary>
    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal)
    {
        "--marginal", "--first", "--bag", "--cover", "--softmax", "--regcb", "--regcbopt", "--squarecb", "--rnd",
        "--synthcover", "--large_action_space", "--ccb_explore_adf", "--slates", "--cb_adf", "--cb", "--cbify",
        "--cubic", "--ftrl", "--coin", "--pistol", "--bfgs", "--conjugate_gradient", "--lrq", "--lrqfa", "--nn",
        "--automl", "--baseline", "--epsilon_decay", "--cb_dro", "--ksvm", "--boosting", "--loss_function",
        "--link", "--hash", "--hash_seed", "--keep", "--redefine", "--permutations", "--leave_duplicate_interactions",
        "--min_prediction", "--max_prediction", "--decay_learning_rate", "--eta_decay_rate", "--feature_mask",
        "--sparse_weights", "--spelling", "--ngram", "--skips", "--affix", "--chain_hash", "--explore_eval",
        "--cb_explore", "--lambda", "--feature_limit", "--dictionary", "--cats", "--cb_continuous",
    };

    /// <summary>Input/output flags accepted for compatibility; they do not change learning.</summary>
    private static readonly HashSet<string> NoEffect = new(StringComparer.Ordinal)
    {
        "--dsjson", "--json", "--quiet", "--save_resume", "--preserve_performance_counters",
    };

    public static LearnerPolicy Parse(string arguments) =>
        TryParse(arguments, out var policy, out var error) ? policy : throw new FormatException(error);

    public static bool TryParse(string arguments, out LearnerPolicy policy, out string error)
    {
        policy = new LearnerPolicy();
        error = "";
        var tokens = (arguments ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var state = new ParseState();
        for (var i = 0; i < tokens.Length; i++)
        {
            var message = Apply(tokens, ref i, state);
            if (message is not null)
            {
                error = message;
                return false;
            }
        }

        if (!state.Explore)
        {
            error = "missing flag '--cb_explore_adf': policies must use action-dependent features with exploration";
            return false;
        }

        policy = state.ToPolicy(string.Join(' ', tokens));
        return true;
    }

    private static string? Apply(string[] tokens, ref int i, ParseState s)
    {
        var flag = tokens[i];
        if (flag.StartsWith("-q", StringComparison.Ordinal) && flag.Length > 2 && !flag.StartsWith("--", StringComparison.Ordinal))
            return s.AddInteraction("-q", flag[2..]);
        if (NoEffect.Contains(flag)) { s.Compat.Add(flag); return null; }
        if (Unsupported.Contains(flag)) return $"unsupported flag '{flag}'";
        switch (flag)
        {
            case "--cb_explore_adf": s.Explore = true; return null;
            case "--epsilon": return Number(tokens, ref i, flag, 0, 1, v => s.Epsilon = v);
            case "-l" or "--learning_rate": return Number(tokens, ref i, flag, double.Epsilon, 1e6, v => s.LearningRate = v);
            case "--power_t": return Number(tokens, ref i, flag, 0, 1e3, v => s.PowerT = v);
            case "--initial_t": return Number(tokens, ref i, flag, 0, 1e12, v => s.InitialT = v);
            case "--l1": return Number(tokens, ref i, flag, 0, 1e6, v => s.L1 = v);
            case "--l2": return Number(tokens, ref i, flag, 0, 1e6, v => s.L2 = v);
            case "-b" or "--bit_precision":
                return Number(tokens, ref i, flag, LearnerPolicy.MinBits, LearnerPolicy.MaxBits, v => s.Bits = (int)v, integer: true);
            case "-q" or "--quadratic" or "--interactions":
                return Value(tokens, ref i, flag, out var pair) ?? s.AddInteraction(flag, pair);
            case "--cb_type": return Value(tokens, ref i, flag, out var type) ?? s.SetCbType(type);
            case "--ignore": return Value(tokens, ref i, flag, out var ns) ?? s.AddIgnore(ns, linear: false);
            case "--ignore_linear": return Value(tokens, ref i, flag, out var nsl) ?? s.AddIgnore(nsl, linear: true);
            case "--noconstant": s.Constant = false; return null;
            case "--adaptive": s.UpdateFlags |= 1; return null;
            case "--normalized": s.UpdateFlags |= 2; return null;
            case "--invariant": s.UpdateFlags |= 4; return null;
            case "--sgd": s.UpdateFlags |= 8; return null;
            case "--igw": s.Exploration = ExplorationKind.InverseGap; return Number(tokens, ref i, flag, 0, 1e9, v => s.GapScale = v);
            case "--unscaled_importance": s.UnscaledImportance = true; return null;
            case "--cross": s.Cross = true; return null;
            default:
                return flag.StartsWith('-') ? $"unknown flag '{flag}'" : $"unexpected value '{flag}' (no flag before it)";
        }
    }

    private static string? Value(string[] tokens, ref int i, string flag, out string value)
    {
        value = "";
        if (i + 1 >= tokens.Length || (tokens[i + 1].StartsWith('-') && !double.TryParse(tokens[i + 1], CultureInfo.InvariantCulture, out _)))
            return $"flag '{flag}' needs a value";
        value = tokens[++i];
        return null;
    }

    private static string? Number(string[] tokens, ref int i, string flag, double min, double max, Action<double> set, bool integer = false)
    {
        var missing = Value(tokens, ref i, flag, out var text);
        if (missing is not null) return missing;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            return $"flag '{flag}' needs a number, got '{text}'";
        if (value < min || value > max || (integer && value != Math.Floor(value)))
            return $"flag '{flag}' value {text} is out of range [{LearnerPolicy.Format(min)}, {LearnerPolicy.Format(max)}]";
        set(value);
        return null;
    }

    private sealed class ParseState
    {
        public bool Explore;
        public double Epsilon = 0.05, LearningRate = 0.5, PowerT = 0.5, InitialT, L1, L2;
        public int Bits = 18;
        public int UpdateFlags;
        public bool Constant = true;
        public CbType CbType = CbType.Mtr;
        public ExplorationKind Exploration = ExplorationKind.EpsilonGreedy;
        public double GapScale = 10;
        public bool UnscaledImportance, Cross;
        public readonly List<string> Interactions = [];
        public readonly List<string> Compat = [];
        public string Ignore = "", IgnoreLinear = "";

        public string? AddInteraction(string flag, string pair)
        {
            if (pair.Length != 2)
                return $"flag '{flag}' value '{pair}': only quadratic interactions (two namespace letters, ':' = any) are supported";
            if (pair[0] > 0x7f || pair[1] > 0x7f)
                return $"flag '{flag}' value '{pair}': namespace letters must be ASCII";
            if (!Interactions.Contains(pair)) Interactions.Add(pair);
            return null;
        }

        public string? SetCbType(string type)
        {
            switch (type)
            {
                case "mtr": CbType = CbType.Mtr; return null;
                case "ips": CbType = CbType.Ips; return null;
                case "dr": CbType = CbType.Dr; return null;
                case "dm": CbType = CbType.Dm; return null;
                default: return $"unsupported value '{type}' for flag '--cb_type' (supported: mtr, ips, dr, dm)";
            }
        }

        public string? AddIgnore(string namespaces, bool linear)
        {
            foreach (var c in namespaces)
            {
                if (c > 0x7f) return $"flag '{(linear ? "--ignore_linear" : "--ignore")}' supports ASCII namespace letters only";
                if (linear) { if (!IgnoreLinear.Contains(c)) IgnoreLinear += c; }
                else if (!Ignore.Contains(c)) Ignore += c;
            }

            return null;
        }

        public LearnerPolicy ToPolicy(string arguments) => new()
        {
            Epsilon = Epsilon, LearningRate = LearningRate, PowerT = PowerT, InitialT = InitialT, Bits = Bits,
            Interactions = Interactions.ToArray(), CbType = CbType, L1 = L1, L2 = L2, Constant = Constant,
            Ignore = Ignore, IgnoreLinear = IgnoreLinear, CompatibilityFlags = Compat.ToArray(),
            Exploration = Exploration, GapScale = GapScale, UnscaledImportance = UnscaledImportance, CrossContextAction = Cross,
            Adaptive = UpdateFlags == 0 || (UpdateFlags & 1) != 0,
            Normalized = UpdateFlags == 0 || (UpdateFlags & 2) != 0,
            Invariant = UpdateFlags == 0 || (UpdateFlags & 4) != 0,
            Arguments = arguments,
        };
    }
}
