namespace Portal.Features.PublicPages.Why;

/// <summary>The first sentence of the "Why this suggestion?" page, per reason, in plain words.</summary>
public static class WhyWording
{
    public static string Lead(WhyExplanation why) => why.Reason switch
    {
        WhyReason.Exploration =>
            "This time the system was trying something new. Now and then it shows a suggestion it is less sure about, so that it keeps learning what people like. It was not chosen because of anything about you.",
        WhyReason.Rule =>
            "A rule set by our team chose this suggestion for people in your situation, instead of the system's own choice.",
        WhyReason.OptedOut =>
            "You have turned off personalized suggestions, so this is our standard suggestion. Nothing about you was used to choose it, and nothing about you was kept.",
        WhyReason.Standard =>
            "This is our standard suggestion: it was not personalized for you.",
        _ when why.Factors.Count == 0 =>
            "The system chose it for you, but no single piece of information stood out: it has not learned much yet.",
        _ =>
            "The system chose it for you: of the suggestions available, it expected this one to be the most useful to you, mainly because of what is listed below.",
    };
}
