namespace Portal.Features.Evaluation.Runs;

/// <summary>A stored run: its loop and its id within the loop.</summary>
public readonly record struct RunKey(string LoopId, string Id);
