namespace TriageBot.Dialogs.Turns;

/// <summary>
/// The seam between the host and the conversation: given the stored state and what happened, produce the new state
/// and the replies. Implementations are pure (no I/O), so the host can persist state and replies in one step.
/// </summary>
public interface IConversationBot
{
    Task<TurnResult> OnTurnAsync(TurnInput input, DialogState state, CancellationToken cancellationToken);
}
