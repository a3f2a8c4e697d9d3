namespace TriageBot.Turns;

/// <summary>How turns run. Bound from the Turns section.</summary>
public sealed class TurnOptions
{
    public const string SectionName = "Turns";

    /// <summary>How often a turn is run again when another process saved the same conversation first.</summary>
    public int MaxConcurrencyRetries { get; set; } = 20;
}
