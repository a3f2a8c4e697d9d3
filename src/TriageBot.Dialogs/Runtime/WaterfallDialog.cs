using System.Text.Json.Nodes;

namespace TriageBot.Dialogs.Runtime;

/// <summary>
/// A dialog made of steps run in order; each step usually starts a prompt, and the prompt's answer is the next step's
/// <see cref="WaterfallStepContext.Result"/>. The step index, the options and the collected values are kept in the
/// dialog's state, so a waterfall survives any number of turns through the store.
/// </summary>
public class WaterfallDialog(string id, IReadOnlyList<Func<WaterfallStepContext, CancellationToken, Task<DialogTurnResult>>> steps)
    : Dialog(id)
{
    private const string StepKey = "step";
    private const string ValuesKey = "values";
    private const string OptionsKey = "options";

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext context, JsonNode? options, CancellationToken cancellationToken)
    {
        var state = context.ActiveInstance!.State;
        state[OptionsKey] = options?.DeepClone();
        state[ValuesKey] = new JsonObject();
        return RunStepAsync(context, 0, null, cancellationToken);
    }

    // Input arrived for this waterfall itself (a step waited without a prompt): the text is the current step's result.
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext context, CancellationToken cancellationToken) =>
        RunStepAsync(context, CurrentStep(context) + 1, context.Input.Text is { } text ? JsonValue.Create(text) : null, cancellationToken);

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext context, JsonNode? result, CancellationToken cancellationToken) =>
        RunStepAsync(context, CurrentStep(context) + 1, result, cancellationToken);

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext context, int index, JsonNode? result, CancellationToken cancellationToken)
    {
        if (index >= steps.Count)
        {
            return await context.EndDialogAsync(result, cancellationToken);
        }

        var state = context.ActiveInstance!.State;
        state[StepKey] = index;
        var values = state[ValuesKey] as JsonObject ?? [];
        state[ValuesKey] = values;
        var step = new WaterfallStepContext(context, this, index, result, state[OptionsKey], values);
        return await steps[index](step, cancellationToken);
    }

    private static int CurrentStep(DialogContext context) =>
        context.ActiveInstance!.State[StepKey]?.GetValue<int>() ?? 0;
}
