using Portal.Features.Learning;

namespace Portal.Benchmarks;

/// <summary>The policies compared: P (Personalizer default), D (VW defaults, ε = 0.2), D2 (D with -l 2), ours.</summary>
public static class Configurations
{
    public static readonly (string Name, string Arguments)[] Classification =
    [
        ("P", PolicyParser.PersonalizerDefault),
        ("D", "--cb_explore_adf --epsilon 0.2 --cb_type mtr -q xa"),
        ("D2", "--cb_explore_adf --epsilon 0.2 --cb_type mtr -q xa -l 2"),
        ("ours", PolicyParser.PortalDefault),
    ];

    public static readonly (string Name, string Arguments)[] News =
    [
        ("P", PolicyParser.PersonalizerDefault),
        ("D", "--cb_explore_adf -q UA --epsilon 0.2"),
        ("ours", PolicyParser.PortalDefault),
    ];

    public static LearnerPolicy Policy(string arguments) => PolicyParser.Parse(arguments);
}
