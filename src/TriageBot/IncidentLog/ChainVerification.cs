namespace TriageBot.IncidentLog;

/// <summary>The result of checking the log: how many events were checked, and the first broken one if any.</summary>
public sealed record ChainVerification(long EventsChecked, long? FirstBrokenSequence, string? IncidentId, string? Problem)
{
    public bool IsIntact => FirstBrokenSequence is null;
}
