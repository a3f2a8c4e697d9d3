using System.Text.Json.Nodes;
using TriageBot.Dialogs.Prompts;

namespace TriageBot.Dialogs.Runtime;

/// <summary>What a waterfall step sees: the previous step's result, the options the dialog began with, and values kept across steps.</summary>
public sealed class WaterfallStepContext(DialogContext context, WaterfallDialog dialog, int index, JsonNode? result, JsonNode? options, JsonObject values)
{
    public DialogContext Context { get; } = context;

    public int Index { get; } = index;

    /// <summary>The result of the previous step's prompt or child dialog.</summary>
    public JsonNode? Result { get; } = result;

    public JsonNode? Options { get; } = options;

    /// <summary>Values collected by earlier steps; stored with the dialog between turns.</summary>
    public JsonObject Values { get; } = values;

    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options, CancellationToken cancellationToken) =>
        Context.BeginDialogAsync(promptId, options.ToJson(), cancellationToken);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, JsonNode? options, CancellationToken cancellationToken) =>
        Context.BeginDialogAsync(dialogId, options, cancellationToken);

    /// <summary>Skips to the next step in the same turn.</summary>
    public Task<DialogTurnResult> NextAsync(JsonNode? result, CancellationToken cancellationToken) =>
        dialog.RunStepAsync(Context, Index + 1, result, cancellationToken);

    public Task<DialogTurnResult> EndAsync(JsonNode? result, CancellationToken cancellationToken) =>
        Context.EndDialogAsync(result, cancellationToken);

    public Task SendAsync(string text, CancellationToken cancellationToken) => Context.SendAsync(text, cancellationToken);
}
