using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Data.Entities;

namespace Portal.Features.Feedback.Board;

/// <summary>
/// A board filter and sort as a query string, so the board's export link downloads exactly what the board shows:
/// <c>status=New&amp;status=Triaged&amp;priority=P2&amp;category=UnfairOrBiased&amp;assignee=…&amp;overdue=true&amp;loop=demo&amp;segment=auto:user.ageBand=65%2B&amp;q=…&amp;sort=Due&amp;desc=false</c>.
/// </summary>
public static class TicketFilterQuery
{
    public static string Format(TicketFilter filter, TicketSort sort)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        pairs.AddRange(filter.Statuses.Select(s => new KeyValuePair<string, string?>("status", s.ToString())));
        pairs.AddRange(filter.Priorities.Select(p => new KeyValuePair<string, string?>("priority", p.ToString())));
        pairs.AddRange(filter.Categories.Select(c => new KeyValuePair<string, string?>("category", c.ToString())));
        if (!string.IsNullOrEmpty(filter.AssigneeId)) pairs.Add(new("assignee", filter.AssigneeId));
        if (filter.OverdueOnly) pairs.Add(new("overdue", "true"));
        if (!string.IsNullOrEmpty(filter.LoopId)) pairs.Add(new("loop", filter.LoopId));
        if (!string.IsNullOrEmpty(filter.SegmentKey)) pairs.Add(new("segment", filter.SegmentKey));
        if (!string.IsNullOrWhiteSpace(filter.Search)) pairs.Add(new("q", filter.Search.Trim()));
        pairs.Add(new("sort", sort.Field.ToString()));
        pairs.Add(new("desc", sort.Descending ? "true" : "false"));
        return QueryString.Create(pairs).ToUriComponent().TrimStart('?');
    }

    /// <summary>The filter and sort, or an error naming the value that is not understood.</summary>
    public static (TicketFilter? Filter, TicketSort? Sort, string? Error) Parse(IQueryCollection query)
    {
        if (!TryEnums<TicketStatus>(query["status"], out var statuses, out var error)
            || !TryEnums<TicketPriority>(query["priority"], out var priorities, out error)
            || !TryEnums<FeedbackCategory>(query["category"], out var categories, out error)
            || !TryEnums<TicketSortField>(query["sort"], out var sortField, out error))
            return (null, null, error);
        var filter = new TicketFilter
        {
            Statuses = statuses,
            Priorities = priorities,
            Categories = categories,
            AssigneeId = NullIfEmpty(query["assignee"]),
            OverdueOnly = string.Equals(query["overdue"], "true", StringComparison.OrdinalIgnoreCase),
            LoopId = NullIfEmpty(query["loop"]),
            SegmentKey = NullIfEmpty(query["segment"]),
            Search = NullIfEmpty(query["q"]),
        };
        var descending = !string.Equals(query["desc"], "false", StringComparison.OrdinalIgnoreCase);
        var sort = sortField.Count > 0 ? new TicketSort(sortField.First(), descending) : TicketSort.Newest;
        return (filter, sort, null);
    }

    private static bool TryEnums<T>(IEnumerable<string?> values, out IReadOnlyCollection<T> parsed, out string? error) where T : struct, Enum
    {
        var list = new List<T>();
        foreach (var value in values)
        {
            if (!Enum.TryParse<T>(value, ignoreCase: true, out var item) || int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                parsed = [];
                error = $"'{value}' is not one of {string.Join(", ", Enum.GetNames<T>())}.";
                return false;
            }
            list.Add(item);
        }
        parsed = list;
        error = null;
        return true;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
