using Bunit;
using MudBlazor;

namespace Portal.Tests.Features.Accountability.GoLive;

/// <summary>A reviewer's steps in the open go-live dialog.</summary>
internal static class GoLiveDialogInput
{
    /// <summary>Ticks the three attestations, fills the reference and the note, and records.</summary>
    public static void RecordComplete(this IRenderedComponent<MudDialogProvider> dialogs, string reference, string note)
    {
        dialogs.Find("input[data-testid=golive-legal]").Change(true);
        dialogs.Find("input[data-testid=golive-reference]").Input(reference);
        dialogs.Find("input[data-testid=golive-sensitive]").Change(true);
        dialogs.Find("input[data-testid=golive-optout]").Change(true);
        dialogs.Find("textarea[data-testid=golive-note]").Input(note);
        dialogs.Find("[data-testid=confirm-golive]").Click();
    }
}
