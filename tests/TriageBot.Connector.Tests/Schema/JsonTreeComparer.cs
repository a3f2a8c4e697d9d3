using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace TriageBot.Connector.Tests.Schema;

/// <summary>
/// Compares a captured payload with what our serializer wrote back, as JSON trees, and lists every difference by path.
/// Every property must come back with the same name (ordinal) and the same value; nothing may be added. The only
/// tolerated differences are the ones the wire rules ask for, and only on properties the schema types itself
/// (a typed property, not extension data and not the inside of channelData or value):
/// <list type="bullet">
/// <item>an empty list may be omitted (spec A2100/A3050: omit empty entities/attachments; ActivityJson omits every empty list);</item>
/// <item>an explicit null may be omitted (the serializer skips nulls, as the SDK does);</item>
/// <item>timestamps compare as instants (16:15:02.5000000Z and 16:15:02.5Z are the same moment), written as ISO-8601
/// with an explicit offset, and the sender's offset is kept (localTimestamp -07:00 stays -07:00, spec A2050).</item>
/// </list>
/// Inside untyped JSON (channelData, value, unknown fields) nothing is tolerated: empty arrays, nulls and the raw text of
/// numbers must survive as they came.
/// </summary>
internal static partial class JsonTreeComparer
{
    public static IReadOnlyList<string> Compare(JsonNode? expected, JsonNode? actual, Type? schemaType)
    {
        var differences = new List<string>();
        CompareNode(expected, actual, schemaType, "$", differences);
        return differences;
    }

    private static void CompareNode(JsonNode? expected, JsonNode? actual, Type? schemaType, string path, List<string> differences)
    {
        var expectedKind = expected?.GetValueKind() ?? JsonValueKind.Null;
        var actualKind = actual?.GetValueKind() ?? JsonValueKind.Null;
        if (expectedKind != actualKind)
        {
            differences.Add($"{path}: expected {expectedKind} {Show(expected)} but found {actualKind} {Show(actual)}");
            return;
        }

        switch (expected)
        {
            case JsonObject expectedObject:
                CompareObject(expectedObject, (JsonObject)actual!, schemaType, path, differences);
                break;
            case JsonArray expectedArray:
                CompareArray(expectedArray, (JsonArray)actual!, schemaType, path, differences);
                break;
            case JsonValue when expectedKind == JsonValueKind.String:
                var expectedText = expected.GetValue<string>();
                var actualText = actual!.GetValue<string>();
                if (!string.Equals(expectedText, actualText, StringComparison.Ordinal))
                {
                    differences.Add($"{path}: expected \"{expectedText}\" but found \"{actualText}\"");
                }

                break;
            case JsonValue when expectedKind == JsonValueKind.Number:
                // Raw text, not the parsed value: an untyped 1.50 or a 20-digit id must not be reformatted.
                var expectedRaw = expected.ToJsonString();
                var actualRaw = actual!.ToJsonString();
                if (!string.Equals(expectedRaw, actualRaw, StringComparison.Ordinal))
                {
                    differences.Add($"{path}: expected number {expectedRaw} but found {actualRaw}");
                }

                break;
        }
    }

    private static void CompareObject(JsonObject expected, JsonObject actual, Type? schemaType, string path, List<string> differences)
    {
        foreach (var (name, expectedValue) in expected)
        {
            var childPath = $"{path}.{name}";
            var typed = schemaType is null ? null : FindTypedProperty(schemaType, name);
            if (!actual.TryGetPropertyValue(name, out var actualValue))
            {
                if (typed is not null && IsToleratedOmission(expectedValue, typed.PropertyType))
                {
                    continue;
                }

                differences.Add(actual.Any(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase))
                    ? $"{childPath}: present only with different casing"
                    : $"{childPath}: missing after the round trip (was {Show(expectedValue)})");
                continue;
            }

            if (typed is not null && IsTimestamp(typed.PropertyType) && expectedValue is JsonValue && actualValue is JsonValue)
            {
                CompareInstants(expectedValue, actualValue, childPath, differences);
                continue;
            }

            CompareNode(expectedValue, actualValue, typed is null ? null : SchemaTypeOf(typed.PropertyType), childPath, differences);
        }

        foreach (var (name, actualValue) in actual)
        {
            if (!expected.ContainsKey(name))
            {
                differences.Add($"{path}.{name}: added by the serializer ({Show(actualValue)})");
            }
        }
    }

    private static void CompareArray(JsonArray expected, JsonArray actual, Type? schemaType, string path, List<string> differences)
    {
        if (expected.Count != actual.Count)
        {
            differences.Add($"{path}: expected {expected.Count} items but found {actual.Count}");
            return;
        }

        var itemType = schemaType is null ? null : ElementSchemaTypeOf(schemaType);
        for (var i = 0; i < expected.Count; i++)
        {
            CompareNode(expected[i], actual[i], itemType, $"{path}[{i}]", differences);
        }
    }

    private static void CompareInstants(JsonNode expected, JsonNode actual, string path, List<string> differences)
    {
        var expectedText = expected.GetValue<string>();
        var actualText = actual.GetValue<string>();
        var expectedInstant = ParseInstant(expectedText);
        var actualInstant = ParseInstant(actualText);
        if (!IsoTimestamp().IsMatch(actualText))
        {
            differences.Add($"{path}: \"{actualText}\" is not an ISO-8601 timestamp with an explicit offset");
        }
        else if (expectedInstant is null || actualInstant is null || expectedInstant.Value.UtcTicks != actualInstant.Value.UtcTicks)
        {
            differences.Add($"{path}: expected the instant \"{expectedText}\" but found \"{actualText}\"");
        }
        else if (expectedInstant.Value.Offset != actualInstant.Value.Offset)
        {
            // Same instant, but the sender's offset (localTimestamp, spec A2050) was lost.
            differences.Add($"{path}: expected the offset of \"{expectedText}\" but found \"{actualText}\"");
        }
    }

    private static DateTimeOffset? ParseInstant(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoTimestamp();

    private static bool IsToleratedOmission(JsonNode? expectedValue, Type propertyType) =>
        expectedValue is null
        || (expectedValue is JsonArray { Count: 0 } && typeof(ICollection).IsAssignableFrom(propertyType));

    private static bool IsTimestamp(Type propertyType) =>
        (Nullable.GetUnderlyingType(propertyType) ?? propertyType) == typeof(DateTimeOffset);

    /// <summary>The typed (non-extension-data) property a JSON name binds to; reading is case-insensitive like ActivityJson.</summary>
    private static PropertyInfo? FindTypedProperty(Type schemaType, string jsonName) =>
        schemaType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonExtensionDataAttribute>() is null)
            .FirstOrDefault(p => string.Equals(JsonNamingPolicy.CamelCase.ConvertName(p.Name), jsonName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Schema classes are walked with their own rules; JsonNode, strings and primitives are compared exactly.</summary>
    private static Type? SchemaTypeOf(Type propertyType) =>
        IsSchemaClass(propertyType) || ElementSchemaTypeOf(propertyType) is not null ? propertyType : null;

    private static Type? ElementSchemaTypeOf(Type collectionType)
    {
        var element = collectionType.IsGenericType ? collectionType.GetGenericArguments()[0] : null;
        return element is not null && IsSchemaClass(element) ? element : null;
    }

    private static bool IsSchemaClass(Type type) =>
        type.IsClass && type.Namespace == typeof(TriageBot.Connector.Schema.Activity).Namespace;

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
    }
}
