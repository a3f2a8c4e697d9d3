namespace TriageBot.Dialogs.Turns;

/// <summary>What one turn produced: the conversation's new dialog state and the replies to send, in order.</summary>
public sealed record TurnResult(DialogState State, IReadOnlyList<BotReply> Replies);
