using System.Text.Json.Nodes;
using TriageBot.Connector.Schema;

namespace TriageBot.Connector.Tests.Schema;

/// <summary>
/// Deserialize a captured payload with ActivityJson, serialize it again and compare the two JSON trees.
/// What "the same" means, and the three tolerated differences (empty typed lists and typed nulls may be omitted,
/// timestamps compare as instants), is written down on <see cref="JsonTreeComparer"/>.
/// </summary>
public sealed class ActivityRoundTripTests
{
    public static TheoryData<string> CapturedPayloads => new(Fixtures.Captured);

    [Theory]
    [MemberData(nameof(CapturedPayloads))]
    public void RoundTrip_CapturedPayload_KeepsEveryPropertyNameAndValue(string fixture)
    {
        var original = Fixtures.Read(fixture);

        var written = ActivityJson.Serialize(ActivityJson.Deserialize(original));

        var differences = JsonTreeComparer.Compare(JsonNode.Parse(original), JsonNode.Parse(written), typeof(Activity));
        Assert.True(differences.Count == 0, $"{fixture} changed in the round trip:\n{string.Join('\n', differences)}\n\nwritten:\n{written}");
    }

    [Theory]
    [MemberData(nameof(CapturedPayloads))]
    public void RoundTrip_Twice_IsStable(string fixture)
    {
        var once = ActivityJson.Serialize(ActivityJson.Deserialize(Fixtures.Read(fixture)));

        var twice = ActivityJson.Serialize(ActivityJson.Deserialize(once));

        Assert.Equal(once, twice);
    }

    [Fact]
    public void FixtureFolder_HoldsOnlyListedPayloads()
    {
        var onDisk = Directory.GetFiles(Fixtures.Folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(Fixtures.Captured.Order(StringComparer.Ordinal), onDisk);
    }

    [Fact]
    public void Comparer_ReportsDroppedRenamedAddedAndChangedValues()
    {
        // Guards the guard: a comparer that found nothing would make every round-trip test pass.
        var expected = JsonNode.Parse("""
            {"type":"message","timestamp":"2025-11-20T16:15:02.39Z","from":{"id":"29:a","aadObjectId":"x"},
             "channelData":{"n":1.50,"list":[]},"membersAdded":[]}
            """);
        var actual = JsonNode.Parse("""
            {"type":"Message","timestamp":"2025-11-20T16:15:03Z","from":{"id":"29:a","AadObjectId":"x"},
             "channelData":{"n":1.5},"extra":true}
            """);

        var differences = JsonTreeComparer.Compare(expected, actual, typeof(Activity));

        Assert.Contains(differences, d => d.StartsWith("$.type:", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("$.timestamp:", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("$.from.aadObjectId: present only with different casing", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("$.channelData.n:", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("$.channelData.list: missing", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("$.extra: added", StringComparison.Ordinal));
        Assert.DoesNotContain(differences, d => d.StartsWith("$.membersAdded", StringComparison.Ordinal));
        Assert.Equal(7, differences.Count);
    }
}
