using System.Diagnostics;

namespace TriageBot.Telemetry;

/// <summary>
/// The names of TriageBot's span source and meter, and the span source itself. Attributes never carry personal data:
/// no conversation, user or activity ids, names, text or card values, and no incident ids either (they open records
/// about a student, and no chart needs them).
/// </summary>
public static class TriageBotTelemetry
{
    public const string SourceName = "TriageBot";

    public const string MeterName = "TriageBot";

    /// <summary>Spans for a turn (turn, dialog, store.load, store.save) and for each outbox delivery.</summary>
    public static readonly ActivitySource Source = new(SourceName);

    public const string ActivityTypeTag = "triagebot.activity_type";

    public const string OutcomeTag = "triagebot.outcome";

    public const string OutboxKindTag = "triagebot.outbox.kind";

    public const string LevelTag = "triagebot.escalation.level";

    /// <summary>Activity types as tags: the known ones by name, anything else as "other" (the type is sender-chosen text).</summary>
    public static string ActivityTypeOf(string? type) => type switch
    {
        null or "" => "none",
        Connector.Schema.ActivityTypes.Message or Connector.Schema.ActivityTypes.Invoke or Connector.Schema.ActivityTypes.ConversationUpdate
            or Connector.Schema.ActivityTypes.InstallationUpdate or Connector.Schema.ActivityTypes.MessageReaction or Connector.Schema.ActivityTypes.Typing
            or Connector.Schema.ActivityTypes.Event or Connector.Schema.ActivityTypes.EndOfConversation or Connector.Schema.ActivityTypes.MessageUpdate
            or Connector.Schema.ActivityTypes.MessageDelete => type,
        _ => "other",
    };
}
