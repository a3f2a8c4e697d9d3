namespace TriageBot.Turns;

/// <summary>How a turn ended, for the HTTP answer: completed, or failed with the correlation id that was logged and shown to the user.</summary>
public sealed record TurnOutcome(bool Succeeded, string? CorrelationId)
{
    public static TurnOutcome Completed { get; } = new(true, null);

    public static TurnOutcome Failed(string correlationId) => new(false, correlationId);
}
