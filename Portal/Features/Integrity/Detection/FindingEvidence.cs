using System.Text.Json;

namespace Portal.Features.Integrity.Detection;

/// <summary>A finding's evidence as stored: the series of window values, baseline first, flagged windows last.</summary>
public static class FindingEvidence
{
    public static string Write(IEnumerable<WindowPoint> points)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var point in points)
            {
                json.WriteStartObject();
                json.WriteString("from", point.From);
                json.WriteString("to", point.To);
                json.WriteNumber("value", Math.Round(point.Value, 6));
                json.WriteNumber("n", point.Sample);
                json.WriteBoolean("flagged", point.Flagged);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static List<WindowPoint> Read(string evidenceJson)
    {
        using var document = JsonDocument.Parse(evidenceJson);
        var points = new List<WindowPoint>();
        foreach (var point in document.RootElement.EnumerateArray())
        {
            points.Add(new WindowPoint(point.GetProperty("from").GetDateTimeOffset(), point.GetProperty("to").GetDateTimeOffset(),
                point.GetProperty("value").GetDouble(), point.GetProperty("n").GetInt32(), point.GetProperty("flagged").GetBoolean()));
        }
        return points;
    }
}
