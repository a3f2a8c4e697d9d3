namespace TriageBot.Connector.Schema;

/// <summary>Activity type names as they travel on the wire. Strings, not an enum, so unknown types survive (spec A2006).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ContactRelationUpdate = "contactRelationUpdate";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string EndOfConversation = "endOfConversation";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string DeleteUserData = "deleteUserData";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string InstallationUpdate = "installationUpdate";
    public const string MessageReaction = "messageReaction";
    public const string Suggestion = "suggestion";
    public const string Trace = "trace";
    public const string Handoff = "handoff";
    public const string Command = "command";
    public const string CommandResult = "commandResult";

    /// <summary>Every type above (the spec's list); anything else is a type this code does not know.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Message, ContactRelationUpdate, ConversationUpdate, Typing, EndOfConversation, Event, Invoke, DeleteUserData, MessageUpdate,
        MessageDelete, InstallationUpdate, MessageReaction, Suggestion, Trace, Handoff, Command, CommandResult,
    };
}
