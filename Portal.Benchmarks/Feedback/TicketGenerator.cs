using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Portal.Data.Entities;
using Portal.Features.Feedback;
using Portal.Features.Feedback.Intake;
using Portal.Infrastructure.Persistence;

namespace Portal.Benchmarks.Feedback;

/// <summary>
/// Fills a fresh database with realistic tickets in one transaction of prepared inserts (seeded, so every run gets
/// the same data): 90 days of arrivals, categories and statuses in plausible shares, priorities from the category
/// (some changed by triage), 60% assigned among five reviewers, 70% linked to a decision of one of three loops,
/// messages of 8–80 words, a few repeated. About 2% of messages mention "refund", about 5 in 100,000 "xylophone".
/// </summary>
public static class TicketGenerator
{
    public static readonly string[] Loops = ["demo", "home-hero", "checkout"];

    private static readonly string[] Words =
    [
        "the", "suggestion", "was", "not", "for", "me", "I", "never", "asked", "about", "this", "article", "offer", "again",
        "why", "do", "you", "keep", "showing", "same", "thing", "it", "is", "wrong", "price", "old", "people", "like", "my",
        "age", "unfair", "feels", "private", "information", "should", "know", "that", "rude", "picture", "product", "news",
        "sports", "every", "time", "page", "open", "home", "shop", "cart", "please", "stop", "helpful", "irrelevant", "other",
        "mobile", "app", "screen", "yesterday", "today", "week", "country", "language", "recommended", "instead", "better",
    ];

    private static readonly (FeedbackCategory Category, int Weight)[] Categories =
    [
        (FeedbackCategory.Irrelevant, 40), (FeedbackCategory.WrongInformation, 15), (FeedbackCategory.UnfairOrBiased, 15),
        (FeedbackCategory.Offensive, 8), (FeedbackCategory.PrivacyConcern, 7), (FeedbackCategory.Other, 15),
    ];

    private static readonly (TicketStatus Status, int Weight)[] Statuses =
    [
        (TicketStatus.New, 20), (TicketStatus.Triaged, 10), (TicketStatus.InProgress, 10), (TicketStatus.Resolved, 30),
        (TicketStatus.WontFix, 10), (TicketStatus.Duplicate, 5), (TicketStatus.Closed, 15),
    ];

    public static async Task GenerateAsync(StorageOptions storage, int count, IReadOnlyList<string> assignees, DateTimeOffset now, int seed = 42)
    {
        var random = new Random(seed);
        var sla = new SlaOptions();
        await using var connection = await SqliteConnections.OpenAsync(storage, CancellationToken.None);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO FeedbackTickets (Reference, CreatedAt, LastSubmittedAt, UpdatedAt, Category, Message, ContactEmail, ConsentToContact,
                SourceHash, TextHash, SubmissionCount, LoopId, EventId, DecisionJson, Status, Priority, AssigneeId, DueAt, DuplicateOfId)
            VALUES ($reference, $created, $created, $created, $category, $message, NULL, 0, $source, $text, $count, $loop, $event, $decision,
                $status, $priority, $assignee, $due, NULL)
            """;
        var parameters = new[] { "$reference", "$created", "$category", "$message", "$source", "$text", "$count", "$loop", "$event", "$decision", "$status", "$priority", "$assignee", "$due" }
            .ToDictionary(name => name, name => insert.Parameters.Add(new SqliteParameter(name, null)));
        insert.Prepare();

        var references = new HashSet<string>(count);
        for (var i = 0; i < count; i++)
        {
            var created = now.AddSeconds(-random.Next(0, 90 * 24 * 3600));
            var category = Pick(random, Categories);
            var priority = random.Next(10) == 0 ? (TicketPriority)random.Next(1, 5) : PrioritySuggestion.For(category);
            var message = Message(random);
            var linked = random.Next(10) < 7;
            var loop = Loops[random.Next(Loops.Length)];
            string reference;
            do reference = TicketReference.New(); while (!references.Add(reference));

            parameters["$reference"].Value = reference;
            parameters["$created"].Value = created.ToUnixTimeMilliseconds();
            parameters["$category"].Value = category.ToString();
            parameters["$message"].Value = message;
            parameters["$source"].Value = Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())).PadRight(64, '0');
            parameters["$text"].Value = MessageText.Hash(message);
            parameters["$count"].Value = random.Next(20) == 0 ? random.Next(2, 6) : 1;
            parameters["$loop"].Value = linked ? loop : DBNull.Value;
            parameters["$event"].Value = linked ? "ev-" + i.ToString(CultureInfo.InvariantCulture) : DBNull.Value;
            parameters["$decision"].Value = linked ? Snapshot(random, loop, i, created) : DBNull.Value;
            parameters["$status"].Value = (int)Pick(random, Statuses);
            parameters["$priority"].Value = (int)priority;
            parameters["$assignee"].Value = random.Next(10) < 6 ? assignees[random.Next(assignees.Count)] : DBNull.Value;
            parameters["$due"].Value = (created + sla.For(priority)).ToUnixTimeMilliseconds();
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        await analyze.ExecuteNonQueryAsync();
    }

    private static string Message(Random random)
    {
        var words = random.Next(8, 81);
        var text = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            if (w > 0) text.Append(' ');
            text.Append(random.Next(2000) == 0 ? "refund" : Words[random.Next(Words.Length)]);
        }
        if (random.Next(20_000) == 0) text.Append(" xylophone");
        return text.Append('.').ToString();
    }

    private static string Snapshot(Random random, string loop, int i, DateTimeOffset created) =>
        string.Create(CultureInfo.InvariantCulture, $$$"""
            {"loopId":"{{{loop}}}","eventId":"ev-{{{i}}}","decidedAt":"{{{created:O}}}","chosenActionId":"article-{{{random.Next(8)}}}","chosenActionName":null,"probability":0.8,"explored":false,"baselineActionId":"article-0","baselineActionName":null,"mode":"Online","modelVersion":12,"contextFeatures":[{"user":{"ageBand":"{{{(random.Next(6) == 0 ? "65+" : "25-34")}}}","device":"mobile"}}],"explanation":[{"feature":"user.ageBand=25-34","contribution":0.12}]}
            """);

    private static T Pick<T>(Random random, (T Value, int Weight)[] weighted)
    {
        var roll = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (value, weight) in weighted)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        return weighted[^1].Value;
    }
}
