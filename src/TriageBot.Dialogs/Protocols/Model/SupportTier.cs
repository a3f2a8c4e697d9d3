namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>The tiers of support a school plans in. See <see cref="ResponseLevels.TierOf"/> for the mapping.</summary>
public enum SupportTier
{
    Intensive,
    Targeted,
    Universal,
}
