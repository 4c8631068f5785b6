using System.Text.Json;
using Microsoft.Extensions.Options;
using Portal.Features.Loops;

namespace Portal.Features.Privacy;

/// <summary>
/// Decides, before anything else in Rank, whether the call's user opted out: by the Global Privacy Control signal
/// (unless the loop's owner turned it off), by the context's opt-out flag, or by the registry. Without opt-outs in the
/// loop it reads two paths of the context and allocates nothing.
/// </summary>
public sealed class OptOutCheck(OptOutRegistry registry, UserIds userIds, ContextUserIds contextUserIds, IOptions<PrivacyOptions> options)
{
    private readonly string[] optOutPath = options.Value.OptOutPath;

    public OptOutReason Of(LoopRuntime loop, IReadOnlyList<JsonElement> context, bool globalPrivacyControl)
    {
        if (globalPrivacyControl && loop.Settings.HonorGlobalPrivacyControl) return OptOutReason.GlobalPrivacyControl;
        if (ContextUserIds.Find(context, optOutPath) is { ValueKind: JsonValueKind.True }) return OptOutReason.ContextFlag;
        if (registry.HasAny(loop.Id) && UserIdOf(context) is { } userId && registry.Contains(loop.Id, userIds.Hash(userId))) return OptOutReason.Registry;
        return OptOutReason.None;
    }

    /// <summary>The application's user id in the context (a string or a number), or null when it sent none.</summary>
    public string? UserIdOf(IReadOnlyList<JsonElement> context) => contextUserIds.Of(context);
}
