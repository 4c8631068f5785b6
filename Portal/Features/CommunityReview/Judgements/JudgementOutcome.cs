using Portal.Features.CommunityReview.Public;

namespace Portal.Features.CommunityReview.Judgements;

/// <summary>What posting a judgement came to: stored (with the ticket it opened, if any), or refused by the link's state.</summary>
public sealed record JudgementOutcome(LinkState State, bool Stored, string? TicketReference = null);
