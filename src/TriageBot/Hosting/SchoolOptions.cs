namespace TriageBot.Hosting;

/// <summary>The school's own settings the bot needs before the protocol packs arrive. Bound from the School section.</summary>
public sealed class SchoolOptions
{
    public const string SectionName = "School";

    /// <summary>What staff should call when anyone is in immediate danger: 999 in the UK, 911 in the US.</summary>
    public string EmergencyNumber { get; set; } = "999";
}
