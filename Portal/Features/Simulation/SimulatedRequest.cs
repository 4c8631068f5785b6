using System.Buffers;
using System.Text.Json;

namespace Portal.Features.Simulation;

/// <summary>Writes a visit as a Personalizer Rank request body, exactly as an external client would send it.</summary>
public static class SimulatedRequest
{
    public static byte[] RankBody(SimulatedVisit visit, IReadOnlyList<SimulatedArticle> articles)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("contextFeatures");
            json.WriteStartObject();
            json.WriteStartObject("user");
            json.WriteString("ageBand", visit.AgeBand);
            json.WriteString("country", visit.Country);
            json.WriteString("device", visit.Device);
            json.WriteEndObject();
            json.WriteStartObject("interests");
            foreach (var interest in visit.Interests) json.WriteBoolean(interest, true);
            json.WriteEndObject();
            json.WriteStartObject("time");
            json.WriteString("timeOfDay", visit.TimeOfDay);
            json.WriteEndObject();
            if (visit.UserId is not null) json.WriteString("_userId", visit.UserId);
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartArray("actions");
            foreach (var article in articles) WriteAction(json, article);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteAction(Utf8JsonWriter json, SimulatedArticle article)
    {
        json.WriteStartObject();
        json.WriteString("id", article.Id);
        json.WriteStartArray("features");
        json.WriteStartObject();
        json.WriteStartObject("article");
        json.WriteString("topic", article.Topic);
        json.WriteString("format", article.Format);
        json.WriteNumber("lengthMinutes", article.LengthMinutes);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
