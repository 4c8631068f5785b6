namespace Portal.Features.PublicPages.Why;

/// <summary>Why a suggestion was shown, in the terms an end user can follow.</summary>
public enum WhyReason
{
    /// <summary>The model chose it for this user: the top factors say why.</summary>
    Personalized,

    /// <summary>The system was trying something new (exploration), whatever the user's data.</summary>
    Exploration,

    /// <summary>A rule set by the operator's team chose it.</summary>
    Rule,

    /// <summary>The standard suggestion, not personalized (learning mode, a paused system, everything else unavailable).</summary>
    Standard,

    /// <summary>The user had opted out of personalization: nothing about them was used or kept.</summary>
    OptedOut,
}
