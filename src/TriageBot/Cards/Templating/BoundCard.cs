using System.Text.Json.Nodes;

namespace TriageBot.Cards.Templating;

/// <summary>
/// A card produced from a template and its data. <see cref="MissingValues"/> lists every path the data did not have:
/// like the JavaScript package, the binder leaves those as their <c>${path}</c> text in the card, so a caller that
/// must not send such a card (anything a member of staff or lead reads) checks this list first.
/// </summary>
public sealed record BoundCard(JsonObject Card, IReadOnlyList<MissingValue> MissingValues)
{
    public bool IsComplete => MissingValues.Count == 0;
}

/// <summary>Where in the template a value was missing, and the expression left in the card (e.g. <c>${reportedBy}</c>).</summary>
public sealed record MissingValue(string JsonPath, string Expression);
