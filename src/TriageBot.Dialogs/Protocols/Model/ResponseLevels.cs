namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>The fixed rules about response levels: their tier and how several levels combine.</summary>
public static class ResponseLevels
{
    public static IReadOnlyList<ResponseLevel> All { get; } =
        [ResponseLevel.EmergencyNow, ResponseLevel.UrgentSameDay, ResponseLevel.TargetedSupport, ResponseLevel.UniversalSupport];

    /// <summary>
    /// Emergency now and urgent same-day assessment both need intensive support; targeted and universal map to the
    /// tier of the same name. Documented in docs/protocols.md; the lead cannot change it from content.
    /// </summary>
    public static SupportTier TierOf(ResponseLevel level) => level switch
    {
        ResponseLevel.EmergencyNow or ResponseLevel.UrgentSameDay => SupportTier.Intensive,
        ResponseLevel.TargetedSupport => SupportTier.Targeted,
        _ => SupportTier.Universal,
    };

    /// <summary>The most urgent of the levels, or null when there are none.</summary>
    public static ResponseLevel? MostUrgent(IEnumerable<ResponseLevel> levels)
    {
        ResponseLevel? best = null;
        foreach (var level in levels)
        {
            if (best is null || level < best)
            {
                best = level;
            }
        }

        return best;
    }
}
