using System.Text;
using Portal.Contracts.DecisionLog;

namespace Portal.Tests.Contracts.DecisionLog;

/// <summary>
/// A logged request whose actions list is stored apart reads back exactly as the application sent it: the list goes back
/// into the request's own <c>actions</c> property, wherever it stands and however it is written, never into another one.
/// </summary>
public sealed class LoggedRequestTests
{
    private const string List = """[{"id":"a","features":[{"item":{"c":"x"}}]},{"id":"b","features":[]}]""";

    [Theory]
    [InlineData("""{"contextFeatures":[{"user":{"tier":"gold"}}],"actions":[],"eventId":"e1"}""")]
    [InlineData("""{ "eventId" : "e1", "Actions" : [], "deferActivation" : true }""")]
    [InlineData("""{"contextFeatures":[{"actions":[]},{"note":"\"actions\":[]"}],"actions":[],"excludedActions":["a"]}""")]
    [InlineData("""{"contextFeatures":[{"city":"Zürich","greeting":"こんにちは"}],"actions":[]}""")]
    public void The_list_goes_back_into_the_requests_own_actions_property(string row)
    {
        var sent = SentWith(row, List);

        Assert.Equal(sent, LoggedRequest.Joined(row, List));
        Assert.Equal(Encoding.UTF8.GetBytes(sent), LoggedRequest.Joined(Encoding.UTF8.GetBytes(row), Encoding.UTF8.GetBytes(List)));
        Assert.Equal(["a", "b"], LoggedRequest.Read(LoggedRequest.Joined(row, List))!.Actions!.Select(a => a.Id));
    }

    [Fact]
    public void A_row_without_a_stored_list_is_the_request_as_it_is()
    {
        const string row = """{"actions":[{"id":"a","features":[]}]}""";

        Assert.Same(row, LoggedRequest.Joined(row, actionsJson: null));
        Assert.Equal(11..(row.Length - 1), LoggedRequest.ActionsValue(Encoding.UTF8.GetBytes(row)));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"actions":null}""")]
    [InlineData("""{"act\u0069ons":[]}""")]
    [InlineData("""[{"actions":[]}]""")]
    [InlineData("not json")]
    public void Text_without_a_top_level_actions_list_has_none_to_fill(string row)
    {
        Assert.Null(LoggedRequest.ActionsValue(Encoding.UTF8.GetBytes(row)));
        Assert.Equal(row, LoggedRequest.Joined(row, List));
    }

    /// <summary>The body as sent: the row with its top-level empty list (the last <c>[]</c> after a top-level "actions") filled.</summary>
    private static string SentWith(string row, string list)
    {
        var at = row.IndexOf("ctions\" : []", StringComparison.Ordinal) is var spaced and >= 0 ? spaced + 10
            : row.LastIndexOf("ctions\":[]", StringComparison.Ordinal) + 8;
        return row[..at] + list + row[(at + 2)..];
    }
}
