using MudBlazor;

namespace Portal.Features.Oversight.Review;

public static class ReviewDialogs
{
    /// <summary>Opens one decision: why it was made, what oversight did, and what a person can do about it.</summary>
    public static Task<IDialogReference> ShowDecisionAsync(this IDialogService dialogs, string loopId, string eventId) =>
        dialogs.ShowAsync<DecisionDialog>("Decision",
            new DialogParameters<DecisionDialog> { { d => d.LoopId, loopId }, { d => d.EventId, eventId } },
            new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseButton = true });
}
