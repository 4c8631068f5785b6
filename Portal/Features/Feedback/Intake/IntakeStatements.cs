using System.Data.Common;
using Portal.Data.Entities;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Security;

namespace Portal.Features.Feedback.Intake;

/// <summary>
/// The intake writer's prepared statements (parameters only, never text built from input), and how one post is stored
/// with them. Run in order on one connection inside one transaction, each post sees the posts before it in the same
/// batch: a repeat within a batch finds the ticket the batch has just created, and a reference cannot be handed out twice.
/// </summary>
internal sealed class IntakeStatements : IGroupCommitStatements<PendingTicket, StoredTicket>
{
    private readonly DbCommand findRepeat;
    private readonly DbCommand addSubmission;
    private readonly DbCommand referenceTaken;
    private readonly DbCommand insertTicket;
    private readonly DbCommand insertLink;
    private readonly DbCommand insertHistory;
    private readonly DbCommand insertContext;

    public IntakeStatements(DbConnection connection)
    {
        findRepeat = Prepare(connection, """
            SELECT Id, Reference FROM FeedbackTickets
            WHERE SourceHash = $source AND TextHash = $text AND LastSubmittedAt >= $since
            ORDER BY Id DESC LIMIT 1
            """, "$source", "$text", "$since");
        addSubmission = Prepare(connection, """
            UPDATE FeedbackTickets SET SubmissionCount = SubmissionCount + 1, LastSubmittedAt = $now, UpdatedAt = $now
            WHERE Id = $id RETURNING SubmissionCount
            """, "$now", "$id");
        referenceTaken = Prepare(connection, "SELECT EXISTS (SELECT 1 FROM FeedbackTickets WHERE Reference = $reference)", "$reference");
        insertTicket = Prepare(connection, """
            INSERT INTO FeedbackTickets (Reference, CreatedAt, LastSubmittedAt, UpdatedAt, Category, ContactEmail, ConsentToContact,
                SourceHash, TextHash, SubmissionCount, LoopId, EventId, Status, Priority, AssigneeId, DueAt, DuplicateOfId, Message, DecisionJson)
            VALUES ($reference, $now, $now, $now, $category, $email, $consent,
                $source, $text, 1, $loop, $event, $status, $priority, NULL, $due, NULL, $message, $decision)
            RETURNING Id
            """, "$reference", "$now", "$category", "$email", "$consent", "$source", "$text", "$loop", "$event", "$status",
            "$priority", "$due", "$message", "$decision");
        insertLink = Prepare(connection, "INSERT INTO TicketStatusLinks (TokenHash, TicketId, CreatedAt) VALUES ($hash, $ticket, $now)",
            "$hash", "$ticket", "$now");
        insertHistory = Prepare(connection, """
            INSERT INTO TicketHistory (TicketId, At, ActorId, ActorName, Change, Detail) VALUES ($ticket, $now, NULL, $actor, $change, $detail)
            """, "$ticket", "$now", "$actor", "$change", "$detail");
        insertContext = Prepare(connection, "INSERT INTO TicketContextValues (TicketId, Feature, Text, Number) VALUES ($ticket, $feature, $text, $number)",
            "$ticket", "$feature", "$text", "$number");
    }

    public DbTransaction? Transaction
    {
        set
        {
            foreach (var command in Commands) command.Transaction = value;
        }
    }

    /// <summary>A repeat adds to its ticket (and gets its own status link); anything else opens a ticket.</summary>
    public StoredTicket Write(PendingTicket post)
    {
        if (FindRepeat(post) is var (repeatId, repeatReference))
        {
            var count = AddSubmission(repeatId, post.ReceivedAt);
            InsertLink(post.StatusTokenHash, repeatId, post.ReceivedAt);
            InsertHistory(repeatId, post.ReceivedAt, TicketChange.SubmittedAgain,
                $"The same text arrived again from the same source ({count} times in total).");
            return new StoredTicket(repeatReference, Repeated: true);
        }
        string reference;
        do reference = TicketReference.New(); while (ReferenceTaken(reference));
        var id = InsertTicket(post, reference);
        InsertContext(id, post.Decision);
        InsertLink(post.StatusTokenHash, id, post.ReceivedAt);
        InsertHistory(id, post.ReceivedAt, TicketChange.Submitted,
            post.Decision is null ? "Submitted." : $"Submitted about decision {post.Decision.EventId} of loop {post.Decision.LoopId}.");
        return new StoredTicket(reference, Repeated: false);
    }

    /// <summary>The ticket a repeat belongs to, or null.</summary>
    private (long Id, string Reference)? FindRepeat(PendingTicket post)
    {
        Bind(findRepeat, post.SourceHash, post.TextHash, post.RepeatSince.ToUnixTimeMilliseconds());
        using var reader = findRepeat.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    /// <summary>Counts one more submission of the ticket; returns how many it stands for now.</summary>
    private long AddSubmission(long ticketId, DateTimeOffset now)
    {
        Bind(addSubmission, now.ToUnixTimeMilliseconds(), ticketId);
        return Convert.ToInt64(addSubmission.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private bool ReferenceTaken(string reference)
    {
        Bind(referenceTaken, reference);
        return Convert.ToBoolean(referenceTaken.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private long InsertTicket(PendingTicket post, string reference)
    {
        Bind(insertTicket, reference, post.ReceivedAt.ToUnixTimeMilliseconds(), post.Category.ToString(), (object?)post.ContactEmail ?? DBNull.Value,
            post.ConsentToContact, post.SourceHash, post.TextHash, (object?)post.Decision?.LoopId ?? DBNull.Value,
            (object?)post.Decision?.EventId ?? DBNull.Value, (int)TicketStatus.New, (int)post.Priority, post.DueAt.ToUnixTimeMilliseconds(),
            post.Message, (object?)post.Decision?.Serialize() ?? DBNull.Value);
        return Convert.ToInt64(insertTicket.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The decision's context features as rows, so the board can filter by segment in SQL.</summary>
    private void InsertContext(long ticketId, DecisionSnapshot? decision)
    {
        if (decision is null) return;
        foreach (var value in TicketContext.ValuesOf(decision.ContextFeatures))
        {
            Bind(insertContext, ticketId, value.Feature, (object?)value.Text ?? DBNull.Value, value.Number is { } number ? number : DBNull.Value);
            insertContext.ExecuteNonQuery();
        }
    }

    private void InsertLink(string tokenHash, long ticketId, DateTimeOffset now)
    {
        Bind(insertLink, tokenHash, ticketId, now.ToUnixTimeMilliseconds());
        insertLink.ExecuteNonQuery();
    }

    private void InsertHistory(long ticketId, DateTimeOffset now, TicketChange change, string detail)
    {
        Bind(insertHistory, ticketId, now.ToUnixTimeMilliseconds(), Actor.EndUser.Name, change.ToString(), detail);
        insertHistory.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in Commands) command.Dispose();
    }

    private IEnumerable<DbCommand> Commands => [findRepeat, addSubmission, referenceTaken, insertTicket, insertLink, insertHistory, insertContext];

    private static void Bind(DbCommand command, params object[] values) => DbCommands.Bind(command, values);

    private static DbCommand Prepare(DbConnection connection, string sql, params string[] parameters) => DbCommands.Prepare(connection, sql, parameters);
}
