using TriageBot.Dialogs.Incidents;

namespace TriageBot.Dialogs.Turns;

/// <summary>
/// What one turn produced: the conversation's new dialog state, the replies to send in order, and the incident events
/// to append. The host stores state and events in one transaction, then sends the replies.
/// </summary>
public sealed record TurnResult(DialogState State, IReadOnlyList<BotReply> Replies, IReadOnlyList<IncidentEvent> Events)
{
    public TurnResult(DialogState state, IReadOnlyList<BotReply> replies)
        : this(state, replies, [])
    {
    }
}
