namespace TriageBot.LoadShedding;

/// <summary>How many turns may run at once before new ones are turned away. Bound from the LoadShedding section.</summary>
public sealed class LoadSheddingOptions
{
    public const string SectionName = "LoadShedding";

    /// <summary>Requests to /api/messages being handled at once, above which a new one is answered 503 (0: no limit).</summary>
    public int MaxTurnsInFlight { get; set; } = 256;

    /// <summary>The Retry-After of that 503, in seconds: the channel sends the activity again after it.</summary>
    public int RetryAfterSeconds { get; set; } = 2;
}
