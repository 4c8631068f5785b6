namespace Portal.Data.Entities;

/// <summary>
/// An actions list as a Rank body carried it (the bytes of its JSON array), stored once for every decision that sent it
/// again byte for byte: an application sends its catalog with each Rank, and the list was most of each logged row. Such a
/// decision's <see cref="Decision.RequestJson"/> holds <c>"actions":[]</c> where the list was, and
/// <see cref="Decision.ActionListId"/> names the list (see <c>LoggedRequest.Joined</c>). Written only by the decision log
/// writer; never changed once written.
/// </summary>
public sealed class ActionList
{
    /// <summary>AUTOINCREMENT: never reused, so no decision can come to name another list.</summary>
    public long Id { get; set; }

    /// <summary>The text's length and 32-bit hash (see <c>ActionListStore.KeyOf</c>): the writer finds a list by it after a restart.</summary>
    public long Hash { get; set; }

    /// <summary>The JSON array exactly as received.</summary>
    public required string ActionsJson { get; set; }

    /// <summary>
    /// The list's hashed action sets as the learner's record writes them (<c>LearnerFeatureRecord</c>), when the decision
    /// that stored the list had them: decisions whose record holds the same sets then log only their context set.
    /// </summary>
    public byte[]? LearnerActions { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// No decision that names the list was made more than <c>ActionListStore.LastUsedSlack</c> after this (the writer
    /// moves it on at most once per slack): once every decision left is newer, the list is unused and can go.
    /// </summary>
    public DateTimeOffset LastUsedAt { get; set; }
}
