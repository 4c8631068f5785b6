using System.Globalization;
using System.Text;

namespace Portal.Benchmarks.Service;

/// <summary>
/// The Rank body of the service benchmarks (the same as <c>bench/rank.lua</c>): 10 actions × 20 features — 10 context
/// features (namespaces user, device) and 10 features per action (namespaces item, promo), each side 4 strings,
/// 4 numbers and 2 indicators — and a caller-chosen eventId. <c>user.visits</c> varies so contexts differ.
/// </summary>
public static class RankBody
{
    private const string Prefix = """{"contextFeatures":[{"user":{"tier":"gold","country":"DE","age":41,"returning":true,"visits":""";

    private static readonly string Middle =
        """}},{"device":{"os":"ios","width":390,"mobile":true,"browser":"safari","battery":0.7}}],"actions":[""" +
        string.Join(",", Enumerable.Range(0, 10).Select(Action)) + """],"eventId":""";

    public static string Json(string eventId, int variant) =>
        string.Concat(Prefix, (variant % 50).ToString(CultureInfo.InvariantCulture), Middle, "\"", eventId, "\"}");

    public static StringContent Content(string eventId, int variant) => new(Json(eventId, variant), Encoding.UTF8, "application/json");

    private static string Action(int a) => string.Create(CultureInfo.InvariantCulture,
        $$$"""{"id":"a{{{a}}}","features":[{"item":{"id":"item{{{a}}}","category":"cat{{{a % 3}}}","price":{{{5 + a}}},"rating":{{{3 + a % 2}}},"new{{{a % 2}}}":true}},""" +
        $$$"""{"promo":{"kind":"k{{{a % 4}}}","discount":{{{a * 0.05:F2}}},"banner":true,"age_days":{{{a + 1}}},"channel":"c{{{a % 2}}}"}}]}""");
}
