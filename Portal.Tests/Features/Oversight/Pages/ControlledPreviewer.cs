using Portal.Data.Entities;
using Portal.Features.Oversight.Preview;
using Portal.Features.Segments;

namespace Portal.Tests.Features.Oversight.Pages;

/// <summary>A reward preview that answers when the test says so, and keeps what it was asked and the token it was given.</summary>
public sealed class ControlledPreviewer : IChangePreviewer
{
    public TaskCompletionSource<ChangePreview> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public IReadOnlyList<string> Frozen { get; private set; } = [];
    private readonly List<(OverrideKind Kind, IReadOnlyList<string> ActionIds, CancellationToken Token)> rules = [];

    /// <summary>The rule previews asked for so far (they are asked from the thread pool).</summary>
    public (OverrideKind Kind, IReadOnlyList<string> ActionIds, CancellationToken Token)[] Rules
    {
        get
        {
            lock (rules) return [.. rules];
        }
    }
    public CancellationToken Token { get; private set; }

    public async Task<ChangePreview> FreezeAsync(string loopId, IReadOnlyList<string> actionIds, CancellationToken ct)
    {
        (Frozen, Token) = (actionIds, ct);
        return await Answer.Task.WaitAsync(ct);
    }

    public async Task<ChangePreview> RuleAsync(string loopId, SegmentDefinition segment, OverrideKind kind, IReadOnlyList<string> actionIds, CancellationToken ct)
    {
        lock (rules) rules.Add((kind, actionIds, ct));
        Token = ct;
        return await Answer.Task.WaitAsync(ct);
    }
}
