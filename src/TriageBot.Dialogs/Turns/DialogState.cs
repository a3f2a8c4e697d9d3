using System.Text.Json.Nodes;

namespace TriageBot.Dialogs.Turns;

/// <summary>
/// Everything the dialogs remember about one conversation between turns: the dialog stack (top = last) and
/// conversation-scoped values. Plain JSON-serialisable data; the host stores it with a version number.
/// </summary>
public sealed class DialogState
{
    public List<DialogInstance> Stack { get; init; } = [];

    public JsonObject Values { get; init; } = [];

    public static DialogState Empty() => new();
}

/// <summary>One active dialog on the stack and its private state (for a waterfall: the step index and collected values).</summary>
public sealed class DialogInstance
{
    public required string Id { get; init; }

    public JsonObject State { get; init; } = [];
}
