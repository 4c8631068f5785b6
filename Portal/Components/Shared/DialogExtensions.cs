using MudBlazor;

namespace Portal.Components.Shared;

public static class DialogExtensions
{
    /// <summary>Asks the user to confirm; true only when they did.</summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string confirmText, bool dangerous = false)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Message, message },
            { d => d.ConfirmText, confirmText },
            { d => d.Dangerous, dangerous },
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false };
    }

    /// <summary>Asks for the reason of an accountable change; null when the user cancelled.</summary>
    public static async Task<string?> AskReasonAsync(this IDialogService dialogs, string title, string? message, string confirmText,
        bool dangerous = false, string reasonLabel = "Reason")
    {
        var parameters = new DialogParameters<ReasonDialog>
        {
            { d => d.Message, message },
            { d => d.ConfirmText, confirmText },
            { d => d.Dangerous, dangerous },
            { d => d.ReasonLabel, reasonLabel },
        };
        var dialog = await dialogs.ShowAsync<ReasonDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        return await dialog.Result is { Canceled: false, Data: string reason } ? reason : null;
    }

    /// <summary>Shows a secret (API key, password) that will never be shown again.</summary>
    public static Task ShowSecretAsync(this IDialogService dialogs, string title, string label, string secret) =>
        dialogs.ShowAsync<SecretDialog>(title,
            new DialogParameters<SecretDialog> { { d => d.Secret, secret }, { d => d.Label, label } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, BackdropClick = false });
}
