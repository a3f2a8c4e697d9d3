using System.Text.Json.Nodes;

namespace TriageBot.Connector.Schema;

/// <summary>
/// Reads of the free-form parts of an activity (value, channelData, card data) that take a wrongly typed field as
/// absent: a channel or a forged request may put a number, an array or an object anywhere, and the indexer and
/// GetValue of System.Text.Json.Nodes throw on those.
/// </summary>
public static class JsonFields
{
    /// <summary>The named child when <paramref name="node"/> is an object, else null.</summary>
    public static JsonNode? Field(this JsonNode? node, string name) => node is JsonObject fields ? fields[name] : null;

    /// <summary>The string when <paramref name="node"/> is a JSON string, else null.</summary>
    public static string? Text(this JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
