namespace Portal.Features.Privacy.Requests;

/// <param name="Kind">The name machines read: the API, the audit entry (<c>decisions</c>, <c>contactEmails</c>).</param>
/// <param name="Label">The name people read on the page ("Decisions").</param>
/// <param name="Detail">More for people, e.g. the loops the decisions are in; null when there is nothing to add.</param>
public sealed record HeldCount(string Kind, string Label, long Count, string? Detail = null);
