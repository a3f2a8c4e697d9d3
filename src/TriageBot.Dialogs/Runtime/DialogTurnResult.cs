using System.Text.Json.Nodes;

namespace TriageBot.Dialogs.Runtime;

/// <summary>Where the dialog stack stands after a call: waiting for input, finished with a result, cancelled, or empty.</summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, JsonNode? Result = null)
{
    public static DialogTurnResult Waiting { get; } = new(DialogTurnStatus.Waiting);

    public static DialogTurnResult Empty { get; } = new(DialogTurnStatus.Empty);

    public static DialogTurnResult Cancelled { get; } = new(DialogTurnStatus.Cancelled);
}
