using System.Text;
using System.Text.Json;
using Portal.Contracts.Personalizer;

namespace Portal.Tests.Contracts.Personalizer;

/// <summary>A Rank's context kept as text: its elements are the document's when asked for, and none once the Rank is over.</summary>
public sealed class LazyFeatureObjectsTests
{
    private const string Context = """[{"user":{"tier":"gold","visits":3}},{"device":{"os":"ios","mobile":true}}]""";

    [Fact]
    public void Elements_asked_for_are_the_lists_objects_as_a_document_reads_them()
    {
        using var lazy = new LazyFeatureObjects(Encoding.UTF8.GetBytes(Context), count: 2, leaves: 4);
        using var document = JsonDocument.Parse(Context);

        Assert.Equal(2, lazy.Count);
        Assert.Equal(4, lazy.KnownLeaves);
        Assert.Equal(document.RootElement.EnumerateArray().Select(e => e.GetRawText()), lazy.Select(e => e.GetRawText()));
        Assert.Equal("ios", lazy[1].GetProperty("device").GetProperty("os").GetString());
    }

    [Fact]
    public void Once_disposed_its_elements_are_refused_rather_than_read_from_a_buffer_another_request_may_hold()
    {
        var lazy = new LazyFeatureObjects(Encoding.UTF8.GetBytes(Context), count: 2, leaves: 4);
        lazy.Dispose();

        Assert.Throws<ObjectDisposedException>(() => lazy[0]);
    }
}
