using System.ComponentModel.DataAnnotations;
using Portal.Data.Configurations;
using Portal.Data.Entities;

namespace Portal.Features.CommunityReview.Public;

/// <summary>The reviewer page's form: one item's judgement, an optional note, and whether to ask the team to look into it.</summary>
public sealed class JudgementFormModel
{
    public long ItemId { get; set; }

    [Required(ErrorMessage = "Choose how you judge this suggestion.")]
    public ReviewVerdict? Verdict { get; set; }

    [StringLength(ReviewJudgementConfiguration.NoteMaxLength, ErrorMessage = "Your note has more than 1,000 characters: please shorten it.")]
    public string? Note { get; set; }

    public bool AskForTicket { get; set; }
}
