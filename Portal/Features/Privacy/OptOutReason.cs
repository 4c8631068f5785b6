namespace Portal.Features.Privacy;

/// <summary>Why a Rank call was not personalized for its user, if it was not.</summary>
public enum OptOutReason
{
    None,

    /// <summary>The application marked the call (the context's opt-out feature was true).</summary>
    ContextFlag,

    /// <summary>The browser's Global Privacy Control signal, forwarded by the application as <c>Sec-GPC: 1</c>.</summary>
    GlobalPrivacyControl,

    /// <summary>The user opted out earlier, on the public page or through the API.</summary>
    Registry,
}
