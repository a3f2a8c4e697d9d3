using System.Text.Json.Nodes;

namespace TriageBot.Outbox;

/// <summary>A proactive message waiting to be delivered, as claimed by the sender.</summary>
/// <param name="Kind">What to send (<see cref="OutboxKinds"/>); the payload says to whom and what.</param>
/// <param name="Attempts">Deliveries tried so far.</param>
public sealed record OutboxMessage(long Id, string Kind, string? EscalationId, JsonObject Payload, int Attempts);

/// <summary>The kinds of outbox message, as stored.</summary>
public static class OutboxKinds
{
    /// <summary>The escalation card to the person at a position of the escalation's chain (payload: recipientIndex).</summary>
    public const string PostEscalationCard = "post_escalation_card";

    /// <summary>Every card already delivered for an escalation is replaced with its current state (PUT).</summary>
    public const string UpdateEscalationCards = "update_escalation_cards";

    /// <summary>The "are you still with the student?" card to the reporter (payload: conversationId, userId).</summary>
    public const string EyesOnCheck = "eyes_on_check";

    /// <summary>A text to a stored conversation (payload: channelId, conversationId, userId, text).</summary>
    public const string Message = "message";
}
