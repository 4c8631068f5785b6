namespace Portal.Features.Privacy.Requests;

/// <summary>How far a long request has come: the step that runs ("Decisions") and the share of it done, 0 to 1.</summary>
public sealed record RequestProgress(string Step, double Done);

/// <summary>One holder's share (0 to 1) reported as its step of the request; reports go straight through, on the caller's thread.</summary>
internal sealed class StepProgress(IProgress<RequestProgress>? request, string step) : IProgress<double>
{
    public void Report(double value) => request?.Report(new RequestProgress(step, value));
}
