using System.Text.Json;

namespace Portal.Features.Decisions.LogExport;

/// <summary>One DSJSON line read back: the label, the ranking and its probabilities, the context (<c>c</c> without <c>_multi</c>) and the candidates.</summary>
public sealed record DsjsonEvent(
    string EventId,
    DateTimeOffset Timestamp,
    double Cost,
    double Probability,
    int LabelAction,
    int LabelIndex,
    IReadOnlyList<int> Actions,
    IReadOnlyList<double> Probabilities,
    JsonElement Context,
    IReadOnlyList<DsjsonAction> Multi,
    bool SkipLearn)
{
    /// <summary>The chosen candidate's id (<c>_tag</c> of the labelled <c>_multi</c> entry).</summary>
    public string ChosenActionId => Multi[LabelIndex].Tag;

    /// <summary>The reward the cost stands for.</summary>
    public double Reward => Cost == 0 ? 0 : -Cost;
}

/// <summary>One <c>_multi</c> entry: the candidate's id and its features.</summary>
public sealed record DsjsonAction(string Tag, JsonElement Features);
