using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TriageBot.Tests.Cards;

/// <summary>The first place two JSON values differ, as a JSON path and both values; numbers compare by value, keys in order.</summary>
internal static class JsonDifference
{
    public static string? Find(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        var expectedKind = expected?.GetValueKind() ?? JsonValueKind.Null;
        var actualKind = actual?.GetValueKind() ?? JsonValueKind.Null;
        if (expectedKind != actualKind)
        {
            return Describe(path, expected, actual);
        }

        switch (expected)
        {
            case JsonObject expectedObject:
                var actualObject = actual!.AsObject();
                var expectedKeys = expectedObject.Select(p => p.Key).ToList();
                var actualKeys = actualObject.Select(p => p.Key).ToList();
                if (!expectedKeys.SequenceEqual(actualKeys, StringComparer.Ordinal))
                {
                    return $"{path}: keys [{string.Join(", ", expectedKeys)}] expected, [{string.Join(", ", actualKeys)}] found";
                }

                return expectedKeys.Select(key => Find(expectedObject[key], actualObject[key], $"{path}.{key}")).FirstOrDefault(d => d is not null);
            case JsonArray expectedArray:
                var actualArray = actual!.AsArray();
                if (expectedArray.Count != actualArray.Count)
                {
                    return $"{path}: {expectedArray.Count} items expected, {actualArray.Count} found ({Describe(path, expected, actual)})";
                }

                return expectedArray.Select((item, i) => Find(item, actualArray[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
            case null:
                return null;
            default:
                if (expectedKind == JsonValueKind.Number)
                {
                    return Number(expected) == Number(actual!) ? null : Describe(path, expected, actual);
                }

                return JsonNode.DeepEquals(expected, actual) ? null : Describe(path, expected, actual);
        }
    }

    private static double Number(JsonNode node) => double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);

    private static string Describe(string path, JsonNode? expected, JsonNode? actual) =>
        $"{path}: npm has {expected?.ToJsonString() ?? "null"}, C# has {actual?.ToJsonString() ?? "null"}";
}
