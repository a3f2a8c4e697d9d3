namespace TriageBot.Diagnostics;

/// <summary>Endpoints for measuring the bot (bench/, tests), off by default. Bound from the Diagnostics section.</summary>
public sealed class DiagnosticsOptions
{
    public const string SectionName = "Diagnostics";

    /// <summary>
    /// Maps POST /diagnostics/gc, which runs a full, compacting garbage collection and answers the managed heap size,
    /// so resident memory can be read after it. Unauthenticated: never turn it on where the endpoint can be reached.
    /// </summary>
    public bool FullGcEndpoint { get; set; }
}
