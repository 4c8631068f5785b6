namespace Portal.Data.Entities;

/// <summary>One reviewer's judgement of one panel item (at most one per invitation and item; judging again replaces it).</summary>
public sealed class ReviewJudgement
{
    public long Id { get; set; }
    public long PanelId { get; set; }
    public long ItemId { get; set; }
    public long InvitationId { get; set; }
    public ReviewVerdict Verdict { get; set; }

    /// <summary>The reviewer's note, plain text, at most 1,000 characters.</summary>
    public string? Note { get; set; }

    public DateTimeOffset JudgedAt { get; set; }

    /// <summary>The feedback ticket the judgement opened, if it opened one.</summary>
    public string? TicketReference { get; set; }
}
