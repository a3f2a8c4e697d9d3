using System.Text.Json.Nodes;
using TriageBot.Cards.Templating;

namespace TriageBot.Tests.Cards;

/// <summary>What only the C# binder does: errors that name the template and the JSON path, and the missing-value report.</summary>
public sealed class TemplateBinderTests
{
    [Theory]
    [InlineData("""{ "body": [ { "type": "TextBlock", "text": "${nested.}" } ] }""", "$.body[0].text", "${nested.}")]
    [InlineData("""{ "body": [ { "text": "a ${foo(x)}" } ] }""", "$.body[0].text", "the function 'foo' is not supported")]
    [InlineData("""{ "body": [ { "text": "${count(a, b)}" } ] }""", "$.body[0].text", "count() takes 1 argument, not 2")]
    [InlineData("""{ "body": [ { "text": "${a + 1}" } ] }""", "$.body[0].text", "'+' at position 3 is not in the expression subset")]
    [InlineData("""{ "body": [ { "text": "${x y}" } ] }""", "$.body[0].text", "${x y}: 'y' at position 3 where an operator or the end of the expression was expected")]
    [InlineData("""{ "body": [ { "text": "${$host.x}" } ] }""", "$.body[0].text", "'$host' is not known")]
    [InlineData("""{ "body": [ { "text": "back`tick ${x}" } ] }""", "$.body[0].text", "backtick")]
    [InlineData("""{ "body": [ { "$when": "yes", "type": "TextBlock" } ] }""", "$.body[0].$when", "must be a single ${...} expression")]
    [InlineData("""{ "body": [ { "$data": "${a} and ${b}" } ] }""", "$.body[0].$data", "must be a single ${...} expression")]
    [InlineData("""{ "actions": [ { "data": { "$index": 1 } } ] }""", "$.actions[0].data.$index", "reserved")]
    [InlineData("""{ "msteams": { "my key": "${(a}" } }""", "$.msteams['my key']", "where ')' was expected")]
    public void Parse_RefusesAMistake_NamingTheFileAndTheJsonPath(string json, string jsonPath, string problem)
    {
        var error = Assert.Throws<TemplateException>(() => CardTemplate.Parse("broken.json", json));

        Assert.Equal("broken.json", error.TemplateName);
        Assert.Equal(jsonPath, error.JsonPath);
        Assert.StartsWith($"broken.json at {jsonPath}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidJson_NamesTheFileAndLine()
    {
        var error = Assert.Throws<TemplateException>(() => CardTemplate.Parse("broken.json", "{\n  \"body\": [\n    { \"text\": \"x\" },\n  ]\n}"));

        Assert.StartsWith("broken.json at ", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ADuplicateKey_IsRefused()
    {
        var error = Assert.Throws<TemplateException>(() => CardTemplate.Parse("broken.json", """{ "type": "AdaptiveCard", "type": "TextBlock" }"""));

        Assert.StartsWith("broken.json at ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    public void Parse_SomethingOtherThanAnObject_IsRefused(string json)
    {
        var error = Assert.Throws<TemplateException>(() => CardTemplate.Parse("broken.json", json));

        Assert.Equal("$", error.JsonPath);
    }

    [Theory]
    [InlineData("""{ "body": [ { "text": "${count(n)}" } ] }""", "$.body[0].text", "must be a string, list, map or object")]
    [InlineData("""{ "body": [ { "text": "Reported by ${who}" } ] }""", "$.body[0].text", "${who} is null")]
    [InlineData("""{ "body": [ { "text": "Facts: ${facts}" } ] }""", "$.body[0].text", "${facts} is an object")]
    [InlineData("""{ "body": [ { "text": "${n < 'a'}" } ] }""", "$.body[0].text", "must be comparable")]
    [InlineData("""{ "body": [ { "$data": "${count(n)}", "type": "TextBlock" } ] }""", "$.body[0].$data", "must be a string, list, map or object")]
    public void Bind_AValueThatCannotBeComputed_NamesTheFileAndTheJsonPath(string json, string jsonPath, string problem)
    {
        var template = CardTemplate.Parse("status.json", json);

        var error = Assert.Throws<TemplateException>(() => template.Bind(JsonNode.Parse("""{ "n": 3, "who": null, "facts": { "a": 1 } }""")));

        Assert.Equal(jsonPath, error.JsonPath);
        Assert.StartsWith($"status.json at {jsonPath}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_ACardThatWhenRemoves_IsRefused()
    {
        var template = CardTemplate.Parse("gone.json", """{ "$when": "${show}", "type": "AdaptiveCard" }""");

        var error = Assert.Throws<TemplateException>(() => template.Bind(JsonNode.Parse("""{ "show": false }""")));

        Assert.Equal("$", error.JsonPath);
        Assert.Equal("""{"type":"AdaptiveCard"}""", template.Bind(JsonNode.Parse("""{ "show": true }""")).Card.ToJsonString());
    }

    [Fact]
    public void Bind_MissingValues_StayInTheCardAsInJavaScript_AndAreListedWithTheirPath()
    {
        var template = CardTemplate.Parse("escalation.json", """
            { "body": [
                { "type": "TextBlock", "text": "${incidentType}" },
                { "type": "FactSet", "facts": [ { "$data": "${answers}", "title": "${label}", "value": "${value}" } ] },
                { "type": "TextBlock", "$when": "${!empty(missing)}", "text": "${missing}" }
            ] }
            """);

        var bound = template.Bind(JsonNode.Parse("""{ "incidentType": "Self-harm", "answers": [ { "label": "ASQ" } ] }"""));

        Assert.False(bound.IsComplete);
        Assert.Equal([new MissingValue("$.body[1].facts[0].value", "${value}")], bound.MissingValues);
        Assert.Equal("${value}", bound.Card["body"]![1]!["facts"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Bind_ConditionsNeverCountAsMissing()
    {
        var template = CardTemplate.Parse("card.json", """{ "body": [ { "$when": "${lead.asked && !lead.acknowledged}", "text": "waiting" } ] }""");

        var bound = template.Bind(new JsonObject());

        Assert.True(bound.IsComplete);
        Assert.Equal("""{"body":[]}""", bound.Card.ToJsonString());
    }

    [Fact]
    public void Bind_Twice_GivesIndependentCards_AndLeavesTheDataAlone()
    {
        var template = CardTemplate.Parse("card.json", """{ "facts": "${facts}", "items": [ { "$data": "${facts}", "t": "${title}" } ], "n": 1 }""");
        var data = JsonNode.Parse("""{ "facts": [ { "title": "a" } ] }""")!;

        var first = template.Bind(data).Card;
        first["facts"]!.AsArray().Add(2);
        first["n"] = 99;
        var second = template.Bind(data).Card;

        Assert.Equal("""{"facts":[{"title":"a"}],"items":[{"t":"a"}],"n":1}""", second.ToJsonString());
        Assert.Equal("""{"facts":[{"title":"a"}]}""", data.ToJsonString());
    }

    [Fact]
    public async Task Bind_FromManyThreadsAtOnce_GivesTheSameCard()
    {
        var template = CardTemplate.Parse("card.json", """{ "list": [ { "$data": "${items}", "i": "${$index}", "t": "${label} of ${$root.owner}" } ] }""");
        var data = JsonNode.Parse("""{ "owner": "Sam Taylor", "items": [ { "label": "a" }, { "label": "b" }, { "label": "c" } ] }""");
        var expected = template.Bind(data).Card.ToJsonString();

        var cards = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => template.Bind(data).Card.ToJsonString())));

        Assert.All(cards, card => Assert.Equal(expected, card));
    }
}
