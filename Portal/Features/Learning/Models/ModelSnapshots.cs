using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Learning.Models;

/// <summary>
/// Earlier states of each loop's model, kept on disk (<c>models/snapshots/{loop}/</c>) so that learning can be rolled
/// back to before a bad window. A file's name says when it was taken, up to which decision it had learned and from how
/// many examples, so the list needs no model loaded. The oldest beyond the kept count are deleted.
/// </summary>
public sealed partial class ModelSnapshots(IOptions<StorageOptions> storage)
{
    public sealed record Snapshot(string Id, DateTimeOffset TakenAt, long LastTrainedSeq, long ExamplesLearned);

    [GeneratedRegex("^(?<at>[0-9]{1,19})-(?<seq>[0-9]{1,19})-(?<examples>[0-9]{1,19})$")]
    private static partial Regex IdPattern();

    /// <summary>Newest first.</summary>
    public IReadOnlyList<Snapshot> List(string loopId)
    {
        var folder = FolderOf(loopId);
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder, "*.model")
            .Select(path => Parse(Path.GetFileNameWithoutExtension(path)))
            .OfType<Snapshot>()
            .OrderByDescending(s => s.LastTrainedSeq).ThenByDescending(s => s.TakenAt)
            .ToList();
    }

    /// <summary>The newest snapshot that had learned nothing after <paramref name="seq"/>, or null.</summary>
    public Snapshot? LatestUpTo(string loopId, long seq) => List(loopId).FirstOrDefault(s => s.LastTrainedSeq <= seq);

    public void Take(string loopId, OnlineLearner learner, long lastTrainedSeq, DateTimeOffset at, int keep)
    {
        var folder = FolderOf(loopId);
        Directory.CreateDirectory(folder);
        var id = string.Create(CultureInfo.InvariantCulture, $"{at.ToUnixTimeMilliseconds()}-{lastTrainedSeq}-{learner.ExamplesLearned}");
        ModelStore.SaveTo(Path.Combine(folder, id + ".model"), learner, lastTrainedSeq);
        foreach (var old in List(loopId).Skip(keep)) File.Delete(Path.Combine(folder, old.Id + ".model"));
    }

    /// <summary>The snapshot's learner, or null for an unknown (or malformed: never a path) id.</summary>
    public ModelStore.Stored? Load(string loopId, string id) =>
        Parse(id) is null ? null : ModelStore.LoadFrom(Path.Combine(FolderOf(loopId), id + ".model"));

    private static Snapshot? Parse(string id)
    {
        var match = IdPattern().Match(id);
        if (!match.Success || !long.TryParse(match.Groups["at"].Value, CultureInfo.InvariantCulture, out var at)
            || !long.TryParse(match.Groups["seq"].Value, CultureInfo.InvariantCulture, out var seq)
            || !long.TryParse(match.Groups["examples"].Value, CultureInfo.InvariantCulture, out var examples)) return null;
        return new Snapshot(id, DateTimeOffset.FromUnixTimeMilliseconds(at), seq, examples);
    }

    // Loop ids are validated at creation (lower-case letters, digits and '-'), so they are safe as folder names.
    private string FolderOf(string loopId) => Path.Combine(storage.Value.ModelDirectory, "snapshots", loopId);
}
