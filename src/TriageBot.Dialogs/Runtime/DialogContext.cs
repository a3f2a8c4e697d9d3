using System.Text.Json.Nodes;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Runtime;

/// <summary>
/// One turn's view of the dialog stack: the input, the clock, the replies collected so far, and the stack operations
/// (begin, continue, end, cancel). The top of the stack is the last item of <see cref="DialogState.Stack"/>.
/// </summary>
public sealed class DialogContext(DialogSet dialogs, DialogState state, TurnInput input, TimeProvider time)
{
    private readonly List<BotReply> _replies = [];

    public TurnInput Input { get; } = input;

    public TimeProvider Time { get; } = time;

    public DialogState State { get; } = state;

    public IReadOnlyList<BotReply> Replies => _replies;

    public DialogInstance? ActiveInstance => State.Stack.Count > 0 ? State.Stack[^1] : null;

    public void Send(BotReply reply) => _replies.Add(reply);

    public void Send(string text) => _replies.Add(new BotReply(text));

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, JsonNode? options, CancellationToken cancellationToken)
    {
        var dialog = dialogs.Find(dialogId);
        State.Stack.Add(new DialogInstance { Id = dialogId });
        return await dialog.BeginAsync(this, options, cancellationToken);
    }

    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken)
    {
        if (ActiveInstance is not { } active)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        if (!dialogs.Contains(active.Id))
        {
            // State from an older version names a dialog that no longer exists: start afresh rather than fail every turn.
            State.Stack.Clear();
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        return await dialogs.Find(active.Id).ContinueAsync(this, cancellationToken);
    }

    /// <summary>Ends the active dialog and hands its result to the one below, which carries on in the same turn.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(JsonNode? result, CancellationToken cancellationToken)
    {
        if (State.Stack.Count > 0)
        {
            State.Stack.RemoveAt(State.Stack.Count - 1);
        }

        if (ActiveInstance is { } parent && dialogs.Contains(parent.Id))
        {
            return await dialogs.Find(parent.Id).ResumeAsync(this, result, cancellationToken);
        }

        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    public Task RepromptAsync(CancellationToken cancellationToken) =>
        ActiveInstance is { } active && dialogs.Contains(active.Id)
            ? dialogs.Find(active.Id).RepromptAsync(this, cancellationToken)
            : Task.CompletedTask;

    public DialogTurnResult CancelAll()
    {
        State.Stack.Clear();
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }
}
