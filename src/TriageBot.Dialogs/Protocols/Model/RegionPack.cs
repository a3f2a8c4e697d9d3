namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>
/// What differs between countries: the emergency number, national lines, role and agency names, and how response
/// levels are worded. <see cref="ForbiddenPhrases"/> are checked against every text the bot can show in this region.
/// </summary>
/// <param name="EmergencyInstruction">What to do at once when anyone is in immediate danger.</param>
/// <param name="ConfidentialityReminder">The limits of confidentiality, said where a protocol asks for it.</param>
public sealed record RegionPack(
    string Id,
    string Name,
    string EmergencyNumber,
    string EmergencyInstruction,
    string ConfidentialityReminder,
    bool ShowTier,
    IReadOnlyList<CrisisLine> CrisisLines,
    IReadOnlyDictionary<string, string> Roles,
    IReadOnlyList<Agency> Agencies,
    IReadOnlyDictionary<ResponseLevel, ResponseLevelText> Levels,
    IReadOnlyList<string> ForbiddenPhrases,
    IReadOnlyList<SourceReference> Sources,
    ContentLocation Location);
