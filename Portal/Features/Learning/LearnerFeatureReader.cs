namespace Portal.Features.Learning;

/// <summary>
/// Reads <see cref="LearnerFeatureRecord"/>s into feature sets it owns and overwrites, so the trainer decodes a decision
/// without allocating once the shapes of a loop's decisions have been seen. What one read returns is valid until the
/// next read: hand it to the learner, never keep it. Single-threaded, like the learner it feeds.
/// </summary>
public sealed class LearnerFeatureReader
{
    // The set last read at each position (0 the context, then the actions), and the action arrays by length.
    private FeatureSet?[] sets = new FeatureSet?[16];
    private FeatureSet[]?[] actionLists = new FeatureSet[]?[16];

    /// <summary>As <see cref="LearnerFeatureRecord.TryRead"/>, into this reader's sets.</summary>
    public bool TryRead(ReadOnlySpan<byte> record, uint fingerprint, out FeatureSet context, out FeatureSet[] actions, out int chosen) =>
        TryRead(record, default, fingerprint, out context, out actions, out chosen);

    /// <summary>
    /// A record logged whole, or without its action sets, read with <paramref name="listSets"/>, those stored with the
    /// decision's actions list (see <see cref="LearnerFeatureRecord.IsUsable(ReadOnlySpan{byte}, ReadOnlySpan{byte}, uint)"/>).
    /// </summary>
    public bool TryRead(ReadOnlySpan<byte> record, ReadOnlySpan<byte> listSets, uint fingerprint, out FeatureSet context, out FeatureSet[] actions, out int chosen)
    {
        context = FeatureSet.Empty;
        actions = [];
        chosen = -1;
        if (!LearnerFeatureRecord.IsUsable(record, listSets, fingerprint)) return false;
        var count = LearnerFeatureRecord.SetsOf(record);
        if (count > sets.Length) Array.Resize(ref sets, count);
        actions = ActionList(count - 1);
        var at = LearnerFeatureRecord.FirstSetOffset;
        context = sets[0] = LearnerFeatureRecord.ReadSet(record, ref at, sets[0]);
        // The action sets follow the context in a whole record, or make up the list's sets.
        var contextOnly = LearnerFeatureRecord.IsContextOnly(record);
        var actionSets = contextOnly ? listSets : record;
        if (contextOnly) at = 0;
        for (var i = 0; i < actions.Length; i++) actions[i] = sets[i + 1] = LearnerFeatureRecord.ReadSet(actionSets, ref at, sets[i + 1]);
        chosen = LearnerFeatureRecord.ChosenOf(record);
        return true;
    }

    private FeatureSet[] ActionList(int length)
    {
        if (length >= actionLists.Length) Array.Resize(ref actionLists, length + 1);
        return actionLists[length] ??= new FeatureSet[length];
    }
}
