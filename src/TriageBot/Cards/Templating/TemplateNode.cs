using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TriageBot.Cards.Templating;

/// <summary>
/// A template parsed once, when it is loaded: every string split into text and expressions, <c>$data</c> and
/// <c>$when</c> taken out of their objects. Each node keeps its JSON path for error messages. Mistakes in expressions
/// are found here, so a broken template fails when it is loaded, not when a card is first sent.
/// </summary>
internal abstract partial record TemplateNode(string JsonPath)
{
    /// <summary>Keys the templating package removes from every object (only $data and $when have a meaning).</summary>
    public static readonly IReadOnlySet<string> ReservedKeys =
        new HashSet<string>(StringComparer.Ordinal) { "$data", "$when", "$root", "$index", "$host", "$_acTemplateVersion" };

    public static TemplateNode Prepare(string templateName, JsonNode? node, string jsonPath = "$")
    {
        switch (node)
        {
            case JsonObject json:
                return PrepareObject(templateName, json, jsonPath);
            case JsonArray array:
                return new TemplateArrayNode(jsonPath, array.Select((item, i) => Prepare(templateName, item, $"{jsonPath}[{i}]")).ToList());
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return new TemplateTextNode(jsonPath, ParseString(templateName, value.GetValue<string>(), jsonPath));
            default:
                return new TemplateScalarNode(jsonPath, node?.DeepClone());
        }
    }

    public static string PropertyPath(string parent, string key) =>
        PlainKey().IsMatch(key) ? $"{parent}.{key}" : $"{parent}['{key.Replace("'", "\\'", StringComparison.Ordinal)}']";

    private static TemplateObjectNode PrepareObject(string templateName, JsonObject json, string jsonPath)
    {
        TemplateExpression? data = null;
        TemplateExpression? when = null;
        var properties = new List<KeyValuePair<string, TemplateNode>>();
        foreach (var (key, value) in json)
        {
            var path = PropertyPath(jsonPath, key);
            switch (key)
            {
                case "$data":
                    data = SingleExpression(templateName, value, path, "an array or object to bind, e.g. \"${referrals}\"");
                    break;
                case "$when":
                    when = SingleExpression(templateName, value, path, "one condition, e.g. \"${count(referrals) > 0}\"");
                    break;
                case var reserved when ReservedKeys.Contains(reserved):
                    throw new TemplateException(templateName, path, $"'{key}' is reserved by the templating language and cannot be a property");
                default:
                    properties.Add(new(key, Prepare(templateName, value, path)));
                    break;
            }
        }

        return new TemplateObjectNode(jsonPath, properties, data, when);
    }

    // $data and $when must be exactly one ${...}: the package would quietly take anything else as false or as text.
    private static TemplateExpression SingleExpression(string templateName, JsonNode? value, string path, string expected)
    {
        if (value is JsonValue text && text.GetValueKind() == JsonValueKind.String
            && ParseString(templateName, text.GetValue<string>(), path).SingleExpression is { } expression)
        {
            return expression;
        }

        throw new TemplateException(templateName, path, $"must be a single ${{...}} expression: {expected}");
    }

    private static TemplateString ParseString(string templateName, string text, string path)
    {
        try
        {
            return TemplateString.Parse(text);
        }
        catch (FormatException e)
        {
            throw new TemplateException(templateName, path, e.Message, e);
        }
    }

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex PlainKey();
}

internal sealed record TemplateObjectNode(
    string JsonPath,
    IReadOnlyList<KeyValuePair<string, TemplateNode>> Properties,
    TemplateExpression? Data,
    TemplateExpression? When) : TemplateNode(JsonPath);

internal sealed record TemplateArrayNode(string JsonPath, IReadOnlyList<TemplateNode> Items) : TemplateNode(JsonPath);

internal sealed record TemplateTextNode(string JsonPath, TemplateString Text) : TemplateNode(JsonPath);

/// <summary>A number, boolean or null: copied to the card as it is.</summary>
internal sealed record TemplateScalarNode(string JsonPath, JsonNode? Value) : TemplateNode(JsonPath);
