namespace TriageBot.Turns;

/// <summary>How a turn ended, for the HTTP answer: completed, or failed with the correlation id that was logged and shown to the user.</summary>
/// <param name="ConcernsTheDutyLead">The turn recorded an escalation request or an assessment the lead's card shows, so
/// the escalation projector should run now rather than at its next tick.</param>
public sealed record TurnOutcome(bool Succeeded, string? CorrelationId, bool ConcernsTheDutyLead = false)
{
    public static TurnOutcome Completed { get; } = new(true, null);

    public static TurnOutcome Failed(string correlationId) => new(false, correlationId);
}
