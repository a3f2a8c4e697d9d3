using System.Text.Json.Nodes;
using TriageBot.Cards.Templating;

namespace TriageBot.Tests.Cards;

/// <summary>Each feature of the binder's subset, bound in C# and by the npm package adaptivecards-templating 2.3.1.</summary>
public sealed class TemplateBinderOracleTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, OracleResult>> Npm = new(() => NpmCardOracle.Run(
        TemplateBinderCases.All.Select(c => new OracleCase(c.Name, JsonNode.Parse(c.Template)!, JsonNode.Parse(c.Data ?? TemplateBinderCases.Data), Validate: false)).ToList()));

    public static TheoryData<string> Cases => new(TemplateBinderCases.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_BoundInCSharp_MatchesTheNpmPackage(string name)
    {
        var testCase = TemplateBinderCases.All.Single(c => c.Name == name);
        var npm = Npm.Value[name];

        var (card, error) = BindInCSharp(testCase);

        if (testCase.Expected == Expected.CSharpRefuses)
        {
            Assert.True(error is not null, $"C# bound '{name}' to {card?.ToJsonString()}; it should refuse (npm: {npm.Expanded?.ToJsonString() ?? npm.Error})");
            Assert.True(npm.Error is null, $"npm failed on '{name}' too ({npm.Error}): move the case to the shared failures");
            return;
        }

        if (npm.Error is not null)
        {
            Assert.True(error is not null, $"npm fails on '{name}' ({npm.Error}) but C# bound it to {card?.ToJsonString()}");
            return;
        }

        Assert.True(error is null, $"C# failed on '{name}': {error?.Message} (npm: {npm.Expanded?.ToJsonString()})");
        var difference = JsonDifference.Find(npm.Expanded, card);
        Assert.True(difference is null, $"'{name}': {difference}");
    }

    private static (JsonObject? Card, TemplateException? Error) BindInCSharp(BinderCase testCase)
    {
        try
        {
            var template = CardTemplate.Parse("case.json", testCase.Template);
            return (template.Bind(JsonNode.Parse(testCase.Data ?? TemplateBinderCases.Data)).Card, null);
        }
        catch (TemplateException e)
        {
            return (null, e);
        }
    }
}
