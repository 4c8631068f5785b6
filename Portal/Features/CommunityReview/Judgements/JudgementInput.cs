using System.Net;
using Portal.Data.Entities;

namespace Portal.Features.CommunityReview.Judgements;

/// <summary>One judgement as the reviewer page posts it (already checked by the form).</summary>
public sealed record JudgementInput(string Token, long ItemId, ReviewVerdict Verdict, string? Note, bool AskForTicket, IPAddress? Source);
