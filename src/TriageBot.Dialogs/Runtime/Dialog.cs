using System.Text.Json.Nodes;

namespace TriageBot.Dialogs.Runtime;

/// <summary>
/// A step of the conversation that can span turns, as in Bot Framework Dialogs. Dialogs are stateless singletons:
/// whatever they remember lives in their <see cref="Turns.DialogInstance.State"/>, which the host stores between turns.
/// </summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    /// <summary>Called when the dialog is pushed on the stack.</summary>
    public abstract Task<DialogTurnResult> BeginAsync(DialogContext context, JsonNode? options, CancellationToken cancellationToken);

    /// <summary>Called with the next input while this dialog is on top of the stack.</summary>
    public virtual Task<DialogTurnResult> ContinueAsync(DialogContext context, CancellationToken cancellationToken) =>
        context.EndDialogAsync(null, cancellationToken);

    /// <summary>Called when a child this dialog started has ended, with the child's result.</summary>
    public virtual Task<DialogTurnResult> ResumeAsync(DialogContext context, JsonNode? result, CancellationToken cancellationToken) =>
        context.EndDialogAsync(result, cancellationToken);

    /// <summary>Asks again for what the dialog is waiting for (after help was shown, for example).</summary>
    public virtual Task RepromptAsync(DialogContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
