namespace Portal.Features.Evaluation.Pages;

/// <summary>One custom policy of the form: a name and learner arguments.</summary>
public sealed class CustomPolicyRow
{
    public string? Name { get; set; }
    public string? Arguments { get; set; }
}
