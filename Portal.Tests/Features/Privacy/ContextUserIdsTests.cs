using System.Text;
using System.Text.Json;
using Portal.Contracts.Personalizer;
using Portal.Features.Privacy;

namespace Portal.Tests.Features.Privacy;

/// <summary>
/// The opt-out flag and the user id are found in a context's text (a Rank's context is not parsed into a document):
/// the same value as walking the elements' properties finds, for the body reader's lists and for element lists alike.
/// </summary>
public sealed class ContextUserIdsTests
{
    private static readonly string[][] Paths = [["_optOut"], ["_userId"], ["user", "id"], ["user", "_optOut"], ["a", "b", "c"]];

    [Fact]
    public void Random_contexts_give_what_the_elements_give_for_every_path()
    {
        var random = new Random(20261208);
        var found = 0;
        for (var round = 0; round < 500; round++)
        {
            var text = RandomList(random);
            using var document = JsonDocument.Parse(text);
            var elements = document.RootElement.EnumerateArray().ToList();
            using var lazy = new LazyFeatureObjects(Encoding.UTF8.GetBytes(text), elements.Count, leaves: 0);
            foreach (var path in Paths)
            {
                var expected = ByElements(elements, path);
                if (expected is not null) found++;
                Assert.Equal(Describe(expected), Describe(ContextUserIds.Find(lazy, path)));
                Assert.Equal(Describe(expected), Describe(ContextUserIds.Find(elements, path)));
            }
        }
        // The random contexts must exercise the paths, not only their absence.
        Assert.True(found > 200, $"only {found} paths found");
    }

    [Theory]
    [InlineData("""[{"_optOut":false,"_optOut":true}]""", "true")]
    [InlineData("""[{"_optOut":true,"_optOut":false}]""", "false")]
    [InlineData("""[{"\u005foptOut":true}]""", "true")]
    [InlineData("""[1,"x",[{"_optOut":true}],{"_optOut":"yes"}]""", "\"yes\"")]
    [InlineData("""[{"user":{"_optOut":true}},{"_optOut":true}]""", "true")]
    [InlineData("""[{"_optOutX":true,"_optout":true}]""", "none")]
    [InlineData("""[]""", "none")]
    public void A_repeated_name_an_escape_or_an_item_that_is_no_object_is_read_as_the_elements_read_it(string text, string expected)
    {
        using var lazy = new LazyFeatureObjects(Encoding.UTF8.GetBytes(text), count: 0, leaves: 0);
        using var document = JsonDocument.Parse(text);
        var elements = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(expected, Describe(ByElements(elements, ["_optOut"])));
        Assert.Equal(expected, Describe(ContextUserIds.Find(lazy, ["_optOut"])));
    }

    /// <summary>The lookup the text reading replaced: element by element, property by property.</summary>
    private static JsonElement? ByElements(IReadOnlyList<JsonElement> context, string[] path)
    {
        foreach (var item in context)
        {
            var node = item;
            var found = true;
            foreach (var key in path)
            {
                if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(key, out node))
                {
                    found = false;
                    break;
                }
            }
            if (found) return node;
        }
        return null;
    }

    private static string Describe(JsonElement? value) => value is { } found ? found.GetRawText() : "none";

    private static string RandomList(Random random)
    {
        var items = Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(8) == 0 ? RandomScalar(random) : RandomObject(random, 0));
        return "[" + string.Join(",", items) + "]";
    }

    private static readonly string[] Keys = ["_optOut", "_userId", "user", "id", "a", "b", "c", "device", "\\u005fuserId", "_optOut "];

    private static string RandomObject(Random random, int depth)
    {
        var properties = Enumerable.Range(0, random.Next(0, 5)).Select(_ =>
        {
            var key = Keys[random.Next(Keys.Length)];
            var value = depth < 3 && random.Next(3) == 0 ? RandomObject(random, depth + 1) : RandomScalar(random);
            return $"\"{key}\":{value}";
        });
        return "{" + string.Join(",", properties) + "}";
    }

    private static string RandomScalar(Random random) => random.Next(6) switch
    {
        0 => "true",
        1 => "false",
        2 => random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        3 => $"\"u{random.Next(50)}\"",
        4 => "null",
        _ => $"[{random.Next(5)},{{\"_optOut\":true}}]",
    };
}
