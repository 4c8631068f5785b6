using System.Globalization;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Segments;

namespace Portal.Features.Feedback.Board;

/// <summary>
/// A segment as SQL over the tickets' context values: each condition is the set of tickets that have a matching value
/// (an index lookup on feature and value); "and" intersects the sets, "or" unites them. Tickets without a linked
/// decision are in no segment.
/// </summary>
public static class TicketSegmentFilter
{
    public static IQueryable<FeedbackTicket> Apply(IQueryable<FeedbackTicket> tickets, PortalDbContext db, SegmentDefinition segment)
    {
        var sets = segment.Conditions.Select(condition => Matching(db, condition)).ToList();
        if (sets.Count == 0) return tickets.Where(_ => false);
        if (segment.Match == SegmentMatch.All)
        {
            foreach (var set in sets) tickets = tickets.Where(t => set.Contains(t.Id));
            return tickets;
        }
        var any = sets.Aggregate((a, b) => a.Union(b));
        return tickets.Where(t => any.Contains(t.Id));
    }

    private static IQueryable<long> Matching(PortalDbContext db, SegmentCondition condition)
    {
        var feature = condition.Feature;
        var values = db.TicketContextValues.Where(v => v.Feature == feature);
        if (condition.Operator == ConditionOperator.Range)
        {
            if (condition.Min is { } min) values = values.Where(v => v.Number >= min);
            if (condition.Max is { } max) values = values.Where(v => v.Number <= max);
            return values.Where(v => v.Number != null).Select(v => v.TicketId);
        }
        // As segments compare: a text exactly, a number numerically ("7" matches 7 and 7.0).
        var texts = (condition.Values ?? []).ToArray();
        var numbers = texts.Select(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : (double?)null)
            .Where(n => n is not null).ToArray();
        return values.Where(v => texts.Contains(v.Text) || numbers.Contains(v.Number)).Select(v => v.TicketId);
    }
}
