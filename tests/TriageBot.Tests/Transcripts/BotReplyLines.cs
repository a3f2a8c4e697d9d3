using System.Text.Json.Nodes;

namespace TriageBot.Tests.Transcripts;

/// <summary>
/// What a member of staff sees of one activity the bot sent, as transcript lines: each paragraph of its text (or of
/// each text block and fact of its Adaptive Card) as a bot: line, then the card's buttons.
/// </summary>
internal static class BotReplyLines
{
    public static IEnumerable<TranscriptLine> Of(JsonNode activity)
    {
        var lines = new List<TranscriptLine>();
        if (activity["text"]?.GetValue<string>() is { Length: > 0 } text)
        {
            lines.AddRange(Paragraphs(text));
        }

        foreach (var card in Cards(activity))
        {
            foreach (var block in TextBlocks(card["body"]))
            {
                lines.AddRange(Paragraphs(block));
            }

            var titles = Buttons(card).Select(button => button["title"]?.GetValue<string>() ?? "(no title)").ToList();
            if (titles.Count > 0)
            {
                lines.Add(new TranscriptLine(0, TranscriptLineKind.Buttons, TranscriptParser.JoinButtons(titles)));
            }
        }

        return lines;
    }

    /// <summary>The card's buttons in the order a reader sees them: those of action sets in its body, then its own actions (drawn last).</summary>
    public static IEnumerable<JsonObject> Buttons(JsonNode card) =>
        Elements(card["body"]).Where(e => Type(e) == "ActionSet").SelectMany(set => Actions(set["actions"])).Concat(Actions(card["actions"]));

    public static IEnumerable<JsonNode> Cards(JsonNode activity) =>
        (activity["attachments"] as JsonArray ?? [])
            .Where(attachment => attachment?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")
            .Select(attachment => attachment!["content"])
            .OfType<JsonNode>();

    // A paragraph break ("\n\n") shows as a new paragraph in Teams; a transcript writes each as its own bot: line.
    private static IEnumerable<TranscriptLine> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n")
            .Select(paragraph => paragraph.Trim('\n'))
            .Where(paragraph => paragraph.Trim().Length > 0)
            .Select(paragraph => new TranscriptLine(0, TranscriptLineKind.BotSays, paragraph));

    /// <summary>The card's texts in reading order: each text block, and each fact of a fact set as "Title: value".</summary>
    private static IEnumerable<string> TextBlocks(JsonNode? body) => Elements(body).SelectMany(e => Type(e) switch
    {
        "TextBlock" => e["text"]?.GetValue<string>() is { } text ? [text] : [],
        "FactSet" => (e["facts"] as JsonArray ?? []).Select(f => $"{f?["title"]?.GetValue<string>()}: {f?["value"]?.GetValue<string>()}"),
        _ => Enumerable.Empty<string>(),
    });

    /// <summary>Every element of a card body in reading order, including those inside containers and columns.</summary>
    private static IEnumerable<JsonNode> Elements(JsonNode? body)
    {
        foreach (var element in body as JsonArray ?? [])
        {
            if (element is null)
            {
                continue;
            }

            yield return element;
            foreach (var child in Elements(element["items"]).Concat((element["columns"] as JsonArray ?? []).SelectMany(column => Elements(column?["items"]))))
            {
                yield return child;
            }
        }
    }

    private static IEnumerable<JsonObject> Actions(JsonNode? actions) => (actions as JsonArray ?? []).OfType<JsonObject>();

    private static string? Type(JsonNode element) => element["type"]?.GetValue<string>();
}
