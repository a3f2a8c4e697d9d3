using System.Text.Json.Nodes;

namespace TriageBot.Dialogs.Turns;

/// <summary>
/// What happened in one turn, as the dialogs see it. The host maps a Bot Framework activity to this,
/// so the dialogs never depend on the wire protocol.
/// </summary>
/// <param name="Kind">What kind of event started the turn.</param>
/// <param name="Text">What the person typed (mentions already stripped), or null.</param>
/// <param name="Value">Data of a card button or form (Action.Submit value, Action.Execute data), or null.</param>
/// <param name="User">Who is talking to the bot.</param>
/// <param name="ConversationId">The conversation the turn belongs to.</param>
/// <param name="Locale">BCP-47 locale the client reported, or null.</param>
public sealed record TurnInput(
    TurnKind Kind,
    string? Text,
    JsonObject? Value,
    Participant User,
    string ConversationId,
    string? Locale = null)
{
    public static TurnInput Message(string text, Participant user, string conversationId) =>
        new(TurnKind.Message, text, null, user, conversationId);
}

public enum TurnKind
{
    /// <summary>A person typed something or pressed a card button.</summary>
    Message,

    /// <summary>The bot was added to a conversation, or a person joined one: say hello.</summary>
    ConversationStarted,
}

/// <summary>A person on the channel: ids as the channel gives them, never a student.</summary>
public sealed record Participant(string Id, string? Name = null, string? AadObjectId = null);
