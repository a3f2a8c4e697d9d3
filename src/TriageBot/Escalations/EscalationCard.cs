namespace TriageBot.Escalations;

/// <summary>A card delivered for an escalation, kept so a decision can update every copy and an answer reach every chat.</summary>
/// <param name="PersonId">The rota person it was for; null for a card posted to the channel for everyone.</param>
public sealed record EscalationCard(string EscalationId, string? PersonId, string ServiceUrl, string ConversationId, string ActivityId, DateTimeOffset PostedAt);
