using System.Text.Json;
using Portal.Data.Entities;

namespace Portal.Features.Feedback.Tickets;

/// <summary>One ticket as a data-subject export shows it: what the person sent, how it was handled, what was said.</summary>
public static class TicketExport
{
    public static void Write(Utf8JsonWriter json, FeedbackTicket t, IEnumerable<TicketComment> comments, IEnumerable<TicketHistoryEntry> history)
    {
        json.WriteStartObject();
        json.WriteString("reference", t.Reference);
        json.WriteString("createdAt", t.CreatedAt);
        json.WriteString("lastSubmittedAt", t.LastSubmittedAt);
        json.WriteNumber("submissionCount", t.SubmissionCount);
        json.WriteString("category", TicketLabels.Of(t.Category));
        json.WriteString("message", t.Message);
        if (t.ContactEmail is not null) json.WriteString("contactEmail", t.ContactEmail);
        json.WriteBoolean("consentToContact", t.ConsentToContact);
        json.WriteString("status", TicketLabels.Of(t.Status));
        json.WriteString("priority", t.Priority.ToString());
        if (t.LoopId is not null) json.WriteString("loopId", t.LoopId);
        if (t.EventId is not null) json.WriteString("eventId", t.EventId);
        if (t.DecisionJson is not null)
        {
            json.WritePropertyName("decision");
            json.WriteRawValue(t.DecisionJson);
        }
        json.WriteStartArray("comments");
        foreach (var c in comments)
        {
            json.WriteStartObject();
            json.WriteString("createdAt", c.CreatedAt);
            json.WriteString("author", c.AuthorName);
            json.WriteBoolean("publicReply", c.IsPublicReply);
            json.WriteString("text", c.Text);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("history");
        foreach (var h in history)
        {
            json.WriteStartObject();
            json.WriteString("at", h.At);
            json.WriteString("actor", h.ActorName);
            json.WriteString("change", h.Change.ToString());
            json.WriteString("detail", h.Detail);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
