namespace Portal.Features.PublicPages.DataHandling;

/// <summary>What the public data-handling page shows: the loop's name, its owner, and the statement's newest version.</summary>
public sealed record DataHandlingPage(string LoopName, Accountability.LoopOwner? Owner, Accountability.StatementVersion Statement);
