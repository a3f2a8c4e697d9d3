using System.Text.Json.Nodes;
using TriageBot.Cards.Templating;
using TriageBot.Dialogs.Turns;
using TriageBot.Tests.Deployment;

namespace TriageBot.Tests.Cards;

/// <summary>
/// Every template in cards/, bound with its sample data by the C# binder, equals what the official npm package
/// adaptivecards-templating 2.3.1 makes of the same template and data, and parses with the official adaptivecards
/// package at schema 1.5 without an error, a warning or a property its element does not know.
/// </summary>
public sealed class CardTemplateOracleTests
{
    private static readonly CardTemplateLibrary Library = new(RepositoryRoot.PathTo("cards"));

    private static readonly Lazy<IReadOnlyDictionary<string, OracleResult>> Npm = new(() => NpmCardOracle.Run(
        Library.Names.Select(name => new OracleCase(name, ReadJson(name + ".json"), ReadJson(name + CardTemplateLibrary.SampleDataSuffix), Validate: true)).ToList()));

    public static TheoryData<string> Templates => new(new CardTemplateLibrary(RepositoryRoot.PathTo("cards")).Names);

    [Fact]
    public void Folder_HoldsEveryCardOfIssue4_EachWithSampleData_AndReadmeRow()
    {
        string[] expected =
        [
            "checklist-question", "chronology", "escalation", "escalation-decided", "follow-up-list", "follow-up-reminder", "incident-summary", "referral-summary",
            "staff-status", "step",
        ];
        Assert.Equal(expected, Library.Names);
        var readme = File.ReadAllText(RepositoryRoot.PathTo("cards", "README.md"));
        foreach (var name in expected)
        {
            Assert.True(File.Exists(RepositoryRoot.PathTo("cards", name + CardTemplateLibrary.SampleDataSuffix)), $"{name}.json has no sample data file");
            Assert.Contains($"`{name}.json`", readme, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_BoundInCSharp_EqualsTheNpmTemplatingPackage(string name)
    {
        var npm = Npm.Value[name];
        Assert.True(npm.Error is null, $"adaptivecards-templating could not expand {name}.json: {npm.Error}");

        var card = Bind(name).Card;

        var difference = JsonDifference.Find(npm.Expanded, card);
        Assert.True(difference is null, $"{name}.json: {difference}");
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_ParsesWithTheNpmAdaptiveCardsPackageAtVersion15_WithNoErrorOrWarning(string name)
    {
        var npm = Npm.Value[name];

        Assert.True(npm.Events.Count == 0, $"{name}.json: {string.Join("; ", npm.Events)}");
        Assert.True(npm.UnknownProperties.Count == 0, $"{name}.json: {string.Join("; ", npm.UnknownProperties)}");
        Assert.Equal("1.5", Bind(name).Card["version"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_SampleData_LeavesNoValueMissing(string name)
    {
        var bound = Bind(name);

        Assert.True(bound.IsComplete, $"{name}.json: missing {string.Join(", ", bound.MissingValues)}");
    }

    // Teams shows the card's first text (or fallbackText) in notifications and the chat list: never the student there.
    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_KeepsTheStudentOutOfTheTitleAndThePreview(string name)
    {
        var data = ReadJson(name + CardTemplateLibrary.SampleDataSuffix);
        var card = Bind(name).Card;
        var preview = new[] { card["fallbackText"]?.GetValue<string>(), Texts(card).FirstOrDefault() };
        var reference = data["studentReference"]?.GetValue<string>() ?? "JB Y9";

        Assert.NotNull(card["fallbackText"]);
        Assert.All(preview, text => Assert.DoesNotContain(reference, text ?? string.Empty, StringComparison.OrdinalIgnoreCase));
    }

    // Clients without Universal Actions fall back to Action.Submit, whose data alone must say what was pressed.
    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_EveryExecute_CarriesItsVerbInData_AndFallsBackToSubmitWithTheSameData(string name)
    {
        foreach (var action in Objects(Bind(name).Card).Where(o => (string?)o["type"] == "Action.Execute"))
        {
            var data = action["data"]!.AsObject();
            Assert.Equal((string?)action["verb"], (string?)data["verb"]);
            Assert.True(data.ContainsKey("escalationId") || data.ContainsKey("taskId"), $"{name}.json: {action.ToJsonString()} names no escalation or task");
            var fallback = action["fallback"]!.AsObject();
            Assert.Equal("Action.Submit", (string?)fallback["type"]);
            Assert.Equal((string?)action["title"], (string?)fallback["title"]);
            Assert.True(JsonNode.DeepEquals(data, fallback["data"]), $"{name}.json: the fallback of '{action["title"]}' sends other data");
        }
    }

    // The dialogs read a pressed button through ChoiceCardData.ChoiceKey, as for the cards ChoiceCard builds.
    [Theory]
    [InlineData("step")]
    [InlineData("checklist-question")]
    [InlineData("staff-status")]
    public void ConversationCard_ButtonsAnswerWithTheChoiceKey(string name)
    {
        var submits = Objects(Bind(name).Card).Where(o => (string?)o["type"] == "Action.Submit").ToList();

        Assert.NotEmpty(submits);
        Assert.All(submits, submit => Assert.Equal([ChoiceCardData.ChoiceKey], submit["data"]!.AsObject().Select(p => p.Key)));
        Assert.Contains(submits, submit => (string?)submit["data"]![ChoiceCardData.ChoiceKey] == "command:emergency");
    }

    [Fact]
    public void Escalation_InputIds_AreTheKeysTheEscalationReaderReads()
    {
        var inputs = Objects(Bind("escalation").Card).Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);

        // EscalationActionReader (TriageBot.Dialogs/Escalations) reads "referrals" (comma-separated ids), "urgency", the
        // referral changes ("removeReferrals", "addReferrals", "referralsReason") and "text".
        Assert.Equal(["referrals", "urgency", "removeReferrals", "addReferrals", "referralsReason", "text"], inputs.Select(i => (string?)i["id"]));
    }

    private static BoundCard Bind(string name) => Library.Get(name).Bind(ReadJson(name + CardTemplateLibrary.SampleDataSuffix));

    private static JsonNode ReadJson(string file) => JsonNode.Parse(File.ReadAllText(RepositoryRoot.PathTo("cards", file)))!;

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject json => new[] { json }.Concat(json.SelectMany(p => Objects(p.Value))),
        JsonArray array => array.SelectMany(Objects),
        _ => [],
    };

    private static IEnumerable<string> Texts(JsonObject card) => Objects(card["body"])
        .Where(o => (string?)o["type"] == "TextBlock")
        .Select(o => (string?)o["text"] ?? string.Empty);
}
