using System.Text.Json.Nodes;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Runtime;

/// <summary>
/// One turn's view of the dialog stack: the input, the clock, the replies collected so far, and the stack operations
/// (begin, continue, end, replace, cancel). The top of the stack is the last item of <see cref="DialogState.Stack"/>.
/// </summary>
public sealed class DialogContext(DialogSet dialogs, DialogState state, TurnInput input, TimeProvider time)
{
    private readonly DialogSet _dialogs = dialogs;
    private readonly List<BotReply> _replies = [];
    private readonly List<IncidentEvent> _events = [];

    public TurnInput Input { get; } = input;

    public TimeProvider Time { get; } = time;

    public DialogState State { get; } = state;

    /// <summary>The replies sent so far this turn, in order.</summary>
    public IReadOnlyList<BotReply> Replies => _replies;

    /// <summary>The incident events recorded so far this turn, in order.</summary>
    public IReadOnlyList<IncidentEvent> Events => _events;

    public DialogInstance? ActiveInstance => State.Stack.Count > 0 ? State.Stack[^1] : null;

    /// <summary>Queues a reply; the host sends the turn's replies once the new state is stored.</summary>
    public Task SendAsync(BotReply reply, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _replies.Add(reply);
        return Task.CompletedTask;
    }

    public Task SendAsync(string text, CancellationToken cancellationToken) => SendAsync(new BotReply(text), cancellationToken);

    /// <summary>
    /// Records an incident event by the person in this turn, now. The host appends it with the new state in one
    /// transaction, so an answer is never kept without the step it moved to, nor the reverse.
    /// </summary>
    public IncidentEvent Record(string incidentId, string type, JsonObject data, JsonObject? personal = null)
    {
        var recorded = new IncidentEvent(incidentId, type, Input.User, Time.GetUtcNow(), data, personal);
        _events.Add(recorded);
        return recorded;
    }

    /// <summary>Pushes a dialog on the stack and starts it.</summary>
    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, JsonNode? options, CancellationToken cancellationToken)
    {
        var dialog = _dialogs.Find(dialogId);
        State.Stack.Add(new DialogInstance { Id = dialogId });
        return await dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    /// <summary>Hands the turn's input to the dialog on top of the stack; <see cref="DialogTurnStatus.Empty"/> if there is none.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken)
    {
        if (ActiveInstance is not { } active)
        {
            return DialogTurnResult.Empty;
        }

        if (!_dialogs.Contains(active.Id))
        {
            // State from an older version names a dialog that no longer exists: start afresh rather than fail every turn.
            State.Stack.Clear();
            return DialogTurnResult.Empty;
        }

        return await _dialogs.Find(active.Id).ContinueDialogAsync(this, cancellationToken);
    }

    /// <summary>Ends the active dialog and hands its result to the one below, which carries on in the same turn.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(JsonNode? result, CancellationToken cancellationToken)
    {
        if (State.Stack.Count > 0)
        {
            State.Stack.RemoveAt(State.Stack.Count - 1);
        }

        if (ActiveInstance is { } parent && _dialogs.Contains(parent.Id))
        {
            return await _dialogs.Find(parent.Id).ResumeDialogAsync(this, result, cancellationToken);
        }

        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    /// <summary>Ends the active dialog without resuming its parent, and begins another in its place.</summary>
    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, JsonNode? options, CancellationToken cancellationToken)
    {
        if (State.Stack.Count > 0)
        {
            State.Stack.RemoveAt(State.Stack.Count - 1);
        }

        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Asks the active dialog to ask its question again.</summary>
    public Task RepromptDialogAsync(CancellationToken cancellationToken) =>
        ActiveInstance is { } active && _dialogs.Contains(active.Id)
            ? _dialogs.Find(active.Id).RepromptDialogAsync(this, cancellationToken)
            : Task.CompletedTask;

    /// <summary>
    /// The person asked to cancel: from the top of the stack down, each dialog may take over
    /// (<see cref="Dialog.OnCancelRequestedAsync"/>); those that do not are ended. True if one took over.
    /// </summary>
    public async Task<bool> RequestCancelAsync(CancellationToken cancellationToken)
    {
        while (ActiveInstance is { } active)
        {
            if (_dialogs.Contains(active.Id) && await _dialogs.Find(active.Id).OnCancelRequestedAsync(this, cancellationToken))
            {
                return true;
            }

            State.Stack.RemoveAt(State.Stack.Count - 1);
        }

        return false;
    }

    /// <summary>Empties the stack without asking any dialog; parents are not resumed.</summary>
    public Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        State.Stack.Clear();
        return Task.FromResult(DialogTurnResult.Cancelled);
    }
}
