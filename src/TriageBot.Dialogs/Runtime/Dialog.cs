using System.Text.Json.Nodes;

namespace TriageBot.Dialogs.Runtime;

/// <summary>
/// A step of the conversation that can span turns, as in Bot Framework Dialogs. Dialogs are stateless singletons:
/// whatever they remember lives in their <see cref="Turns.DialogInstance.State"/>, which the host stores between turns.
/// Each method is called while the dialog's own instance is on top of the stack (<see cref="DialogContext.ActiveInstance"/>).
/// </summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    /// <summary>Called when the dialog is pushed on the stack.</summary>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext context, JsonNode? options, CancellationToken cancellationToken);

    /// <summary>Called with the next input while this dialog is on top of the stack.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext context, CancellationToken cancellationToken) =>
        context.EndDialogAsync(null, cancellationToken);

    /// <summary>Called when a child this dialog started has ended, with the child's result.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext context, JsonNode? result, CancellationToken cancellationToken) =>
        context.EndDialogAsync(result, cancellationToken);

    /// <summary>Asks again for what the dialog is waiting for (after help was shown, for example).</summary>
    public virtual Task RepromptDialogAsync(DialogContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The person asked to cancel. Return true to take over (for example, begin a prompt asking why an incident is
    /// being cancelled); return false to let this dialog be ended and the one below be asked. Dialogs above this one
    /// have already been ended when it is asked.
    /// </summary>
    public virtual Task<bool> OnCancelRequestedAsync(DialogContext context, CancellationToken cancellationToken) =>
        Task.FromResult(false);
}
