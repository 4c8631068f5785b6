using System.Text;
using Portal.Features.Learning;

namespace Portal.Tests.Features.Learning;

public sealed class MurmurHash3Tests
{
    [Theory]
    [InlineData("t", 0u, 3397902157u)]
    [InlineData("te", 0u, 3988319771u)]
    [InlineData("tes", 0u, 196677210u)]
    [InlineData("test", 0u, 3127628307u)]
    [InlineData("tested", 0u, 2247989476u)]
    [InlineData("8hv20cjwicnsj vw m000'.'.][][]...!!@3", 0u, 4212741639u)]
    [InlineData("t", 25436347u, 960607349u)]
    [InlineData("tested", 25436347u, 3592599130u)]
    [InlineData("aஜெய்", 0u, 2574050673u)]
    [InlineData("aஜெய்", 2493003127u, 2630240042u)]
    public void Hash_matches_the_published_vowpal_wabbit_test_vectors(string text, uint seed, uint expected)
    {
        Assert.Equal(expected, MurmurHash3.Hash(Encoding.UTF8.GetBytes(text), seed));
    }

    [Fact]
    public void Digit_only_names_hash_to_their_value_plus_the_seed_as_in_vw()
    {
        Assert.Equal(1234u + 77u, MurmurHash3.HashString("1234", 77));
        Assert.Equal(MurmurHash3.HashString("abc", 5), MurmurHash3.HashString("  abc ", 5));
    }

    [Fact]
    public void Namespace_index_is_the_first_byte_and_default_namespace_hashes_to_zero()
    {
        Assert.Equal((byte)'u', MurmurHash3.NamespaceIndex("user"));
        Assert.Equal((byte)' ', MurmurHash3.NamespaceIndex(" "));
        Assert.Equal(0u, MurmurHash3.HashString(" ", 0));
    }

    [Fact]
    public void Event_seed_is_a_fixed_function_of_the_event_id()
    {
        // Fixed expectation: any change here breaks replay of stored decisions.
        var seed = EventSeed.FromEventId("75269AD0-BFEE-4598-8196-C57383D38E10");
        Assert.Equal(seed, EventSeed.FromEventId("75269AD0-BFEE-4598-8196-C57383D38E10"));
        Assert.NotEqual(seed, EventSeed.FromEventId("75269AD0-BFEE-4598-8196-C57383D38E11"));
        var expected = (ulong)MurmurHash3.Hash("75269AD0-BFEE-4598-8196-C57383D38E10"u8, 0x9747b28c) << 32
            | MurmurHash3.Hash("75269AD0-BFEE-4598-8196-C57383D38E10"u8, 0x5bd1e995);
        Assert.Equal(expected, seed);
    }
}
