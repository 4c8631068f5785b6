using System.Text.Json;
using Portal.Data.Entities;

namespace Portal.Features.Decisions.Log;

/// <summary>One logged decision as a data-subject export shows it: everything the row holds, the request as it was sent.</summary>
public static class DecisionExport
{
    /// <param name="requestJson">The request as it was sent (the row's text with its stored actions list, see <c>StoredActionLists</c>).</param>
    public static void Write(Utf8JsonWriter json, Decision d, string requestJson, IEnumerable<DecisionFlag> flags)
    {
        json.WriteStartObject();
        json.WriteString("loopId", d.LoopId);
        json.WriteString("eventId", d.EventId);
        json.WriteString("createdAt", d.CreatedAt);
        json.WritePropertyName("request");
        json.WriteRawValue(requestJson);
        json.WriteString("chosenActionId", d.ChosenActionId);
        json.WriteNumber("chosenProbability", d.ChosenProbability);
        json.WriteString("baselineActionId", d.BaselineActionId);
        json.WriteBoolean("explored", d.Explored);
        json.WriteNumber("modelVersion", d.ModelVersion);
        json.WriteString("mode", d.Mode.ToString());
        json.WritePropertyName("ranking");
        json.WriteRawValue(d.RankingJson);
        json.WritePropertyName("explanation");
        json.WriteRawValue(d.ExplanationJson);
        json.WriteString("oversight", d.Oversight.ToString());
        if (d.OversightDetail is not null) json.WriteString("oversightDetail", d.OversightDetail);
        if (d.RuleId is { } rule) json.WriteNumber("ruleId", rule);
        json.WriteBoolean("deferActivation", d.DeferActivation);
        if (d.ActivatedAt is { } activated) json.WriteString("activatedAt", activated);
        if (d.Reward is { } reward) json.WriteNumber("reward", reward);
        json.WriteNumber("rewardCount", d.RewardCount);
        json.WriteStartArray("flags");
        foreach (var flag in flags)
        {
            json.WriteStartObject();
            json.WriteString("note", flag.Note);
            json.WriteString("flaggedBy", flag.FlaggedByName);
            json.WriteString("flaggedAt", flag.FlaggedAt);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
