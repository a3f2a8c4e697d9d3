using System.Text.Json;
using System.Text.Json.Nodes;

namespace TriageBot.Cards.Templating;

/// <summary>
/// An Adaptive Card template (Adaptive Card Templating syntax) loaded from a file in <c>cards/</c>, checked and parsed
/// once. <see cref="Bind(JsonNode?)"/> gives the card for one set of data; the template can be bound any number of
/// times, from any thread.
/// </summary>
public sealed class CardTemplate
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    private readonly TemplateNode _root;

    private CardTemplate(string name, TemplateNode root)
    {
        Name = name;
        _root = root;
    }

    /// <summary>The template's file name, e.g. <c>escalation.json</c>; every error message starts with it.</summary>
    public string Name { get; }

    public static CardTemplate Load(string path) => Parse(Path.GetFileName(path), File.ReadAllText(path));

    /// <summary>Parses template JSON; a <see cref="TemplateException"/> names <paramref name="name"/> and the place at fault.</summary>
    public static CardTemplate Parse(string name, string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: DocumentOptions);
            if (node is JsonObject root)
            {
                // JsonNode reads objects lazily; walking it now surfaces duplicate keys as a load error.
                _ = root.Count;
                _ = root.ToJsonString();
            }
        }
        catch (JsonException e)
        {
            throw new TemplateException(name, e.Path ?? "$", $"not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}): {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new TemplateException(name, "$", $"not valid JSON: {e.Message}", e);
        }

        if (node is not JsonObject)
        {
            throw new TemplateException(name, "$", "a card template must be a JSON object");
        }

        return new CardTemplate(name, TemplateNode.Prepare(name, node));
    }

    /// <summary>
    /// The card for <paramref name="data"/> (the template's <c>$root</c>). Values the data lacks stay as
    /// <c>${path}</c> text, as in the JavaScript package, and are listed in <see cref="BoundCard.MissingValues"/>.
    /// </summary>
    public BoundCard Bind(JsonNode? data)
    {
        var (result, missing) = TemplateBinder.Bind(Name, _root, data);
        return result is JsonObject card
            ? new BoundCard(card, missing)
            : throw new TemplateException(Name, "$", "the card's own $data or $when left no card to send");
    }

    /// <summary>The card for <paramref name="data"/>, refused (never sent with <c>${...}</c> in it) when the data lacks a value.</summary>
    public JsonObject BindComplete(JsonNode? data)
    {
        var bound = Bind(data);
        return bound.IsComplete
            ? bound.Card
            : throw new TemplateException(Name, bound.MissingValues[0].JsonPath, $"no value for {bound.MissingValues[0].Expression}");
    }
}
