using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Storage;

/// <summary>
/// Where each conversation's dialog state lives between turns. Saving is optimistic: it succeeds only if nobody saved
/// since the state was loaded, so two turns of one conversation never overwrite each other, even across processes.
/// </summary>
public interface IConversationStateStore
{
    Task<StoredDialogState> LoadAsync(ConversationKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the new state and appends the turn's incident events in one transaction: both or neither.
    /// </summary>
    /// <returns>False when another turn saved first (nothing is written; the caller reloads and runs the turn again).</returns>
    Task<bool> TrySaveAsync(ConversationKey key, DialogState state, long expectedVersion, IReadOnlyList<IncidentEvent> events, CancellationToken cancellationToken);
}

/// <summary>Identifies a conversation across channels: the same id on two channels is two conversations.</summary>
public readonly record struct ConversationKey(string ChannelId, string ConversationId)
{
    public override string ToString() => $"{ChannelId}/{ConversationId}";
}
