using System.Text.Json.Nodes;
using TriageBot.Dialogs.Protocols.Detection;

namespace TriageBot.Dialogs.Tests.Protocols;

/// <summary>
/// DetectionCorpus/detection-corpus.json: realistic first messages from staff. Each starts its protocol, or the bot
/// asks (the menu with the named types first) when the words deny it, imagine it, tell it of someone else or name
/// several; everyday messages start nothing. No denied or hypothetical message starts a protocol without asking.
/// </summary>
public sealed class DetectionCorpusTests
{
    private static readonly string FilePath = Path.Combine(RepositoryContent.RepositoryRoot, "tests", "TriageBot.Dialogs.Tests", "Protocols", "DetectionCorpus", "detection-corpus.json");

    private static JsonArray Cases => (JsonArray)JsonNode.Parse(File.ReadAllText(FilePath))!["cases"]!;

    public static TheoryData<string> Starting => new(Cases.Where(c => c!["starts"]?.GetValue<string>() is not null).Select(c => c!["text"]!.GetValue<string>()));

    public static TheoryData<string> Asking => new(Cases.Where(c => c!["asks"] is JsonArray { Count: > 0 }).Select(c => c!["text"]!.GetValue<string>()));

    public static TheoryData<string> WithFirst => new(Cases.Where(c => c!["first"] is not null).Select(c => c!["text"]!.GetValue<string>()));

    public static TheoryData<string> Nothing => new(Cases.Where(c => c!["starts"] is null && c["asks"] is JsonArray { Count: 0 }).Select(c => c!["text"]!.GetValue<string>()));

    [Fact]
    public void TheCorpus_HasAtLeast150Messages_AndCoversEveryIncidentType()
    {
        Assert.True(Cases.Count >= 150, $"{Cases.Count} messages");
        var named = Cases.SelectMany(c => new[] { c!["starts"]?.GetValue<string>() }.Concat((c["asks"] as JsonArray)?.Select(a => a!.GetValue<string>()) ?? [])).OfType<string>().ToHashSet();
        Assert.Equal(RepositoryContent.Catalog.Protocols.Select(p => p.Id).Order(), named.Order());
    }

    [Theory]
    [MemberData(nameof(Starting))]
    public void APlainReport_StartsItsProtocol(string text)
    {
        var expected = Case(text)["starts"]!.GetValue<string>();

        var detection = RepositoryContent.Catalog.Detector.Detect(text);

        Assert.True(detection.Clear?.Id == expected, $"expected {expected}, got {Describe(detection)}");
    }

    [Theory]
    [MemberData(nameof(Asking))]
    public void ADeniedImaginedOrSomeoneElsesOrDoubleReport_IsAsked_WithItsTypesFirst(string text)
    {
        var expected = ((JsonArray)Case(text)["asks"]!).Select(a => a!.GetValue<string>()).ToList();

        var detection = RepositoryContent.Catalog.Detector.Detect(text);

        Assert.False(detection.IsClear, $"started {detection.Clear?.Id} without asking");
        Assert.True(
            detection.Candidates.Take(expected.Count).Select(c => c.Protocol.Id).Order().SequenceEqual(expected.Order()),
            $"expected {string.Join(", ", expected)} first, got {Describe(detection)}");
    }

    [Theory]
    [MemberData(nameof(WithFirst))]
    public void AMessageNamingSeveral_OffersTheRightOneFirst(string text)
    {
        var expected = Case(text)["first"]!.GetValue<string>();

        var detection = RepositoryContent.Catalog.Detector.Detect(text);

        Assert.True(detection.Candidates.Count > 1 && detection.Candidates[0].Protocol.Id == expected, $"expected {expected} first, got {Describe(detection)}");
    }

    [Theory]
    [MemberData(nameof(Nothing))]
    public void AnEverydayMessage_StartsNothing(string text)
    {
        var detection = RepositoryContent.Catalog.Detector.Detect(text);

        Assert.True(detection.IsNone, $"got {Describe(detection)}");
    }

    private static JsonNode Case(string text) => Cases.First(c => c!["text"]!.GetValue<string>() == text)!;

    private static string Describe(IncidentDetection detection) => detection.IsNone
        ? "nothing"
        : string.Join(", ", detection.Candidates.Select(c => c.Hedge == DetectionHedge.None ? c.Protocol.Id : $"{c.Protocol.Id} ({c.Hedge})"));
}
