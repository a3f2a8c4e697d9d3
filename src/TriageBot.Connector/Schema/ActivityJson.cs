using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TriageBot.Connector.Schema;

/// <summary>
/// The one set of JSON rules for everything that crosses the wire: camelCase names out (spec A2002), any casing in,
/// null values and empty lists omitted (A2100, A3050), timestamps as ISO-8601 with an explicit offset (Z for UTC, A2043).
/// </summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static Activity Deserialize(string json) =>
        JsonSerializer.Deserialize<Activity>(json, Options) ?? throw new JsonException("The body is the JSON literal null, not an activity.");

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 128,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmptyCollections } },
        };
        options.Converters.Add(new IsoTimestampConverter());
        options.MakeReadOnly();
        return options;
    }

    private static void OmitEmptyCollections(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (typeof(ICollection).IsAssignableFrom(property.PropertyType) && property.PropertyType != typeof(string))
            {
                property.ShouldSerialize = static (_, value) => value is ICollection { Count: > 0 };
            }
        }
    }

    /// <summary>Writes 2017-02-01T14:10:07.437Z for UTC and keeps the sender's offset otherwise (localTimestamp).</summary>
    private sealed class IsoTimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind | DateTimeStyles.AssumeUniversal, out var value))
            {
                throw new JsonException($"'{text}' is not an ISO-8601 date and time.");
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        {
            var text = value.Offset == TimeSpan.Zero
                ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
                : value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
            writer.WriteStringValue(text);
        }
    }
}
