namespace Portal.Features.Learning.Models;

/// <summary>
/// Holds a loop's current immutable model. Rank reads it without locks; the trainer swaps in a new snapshot
/// after each training batch (a single reference write, atomic).
/// </summary>
public sealed class ModelSlot(BanditModel initial)
{
    private volatile BanditModel current = initial;

    public BanditModel Current => current;

    public void Publish(BanditModel model) => current = model;
}
