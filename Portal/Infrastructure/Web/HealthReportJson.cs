using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Infrastructure.Web;

/// <summary>
/// /health/ready's answer: the overall status and each check's status with its data (e.g. which node trains), as JSON.
/// Descriptions stay out: a storage fault's detail may name paths.
/// </summary>
public static class HealthReportJson
{
    public static async Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(http.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            foreach (var (key, value) in entry.Data)
            {
                switch (value)
                {
                    case bool flag: json.WriteBoolean(key, flag); break;
                    case long number: json.WriteNumber(key, number); break;
                    default: json.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
                }
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
