namespace TriageBot.Dialogs.Turns;

/// <summary>
/// "Status" (cards/staff-status.json): the member of staff's open report, where it stands, the level so far and whether
/// the duty lead was asked for.
/// </summary>
/// <param name="IncidentType">The incident type, or null before one is chosen.</param>
/// <param name="StartedAt">When the report started, in the school's time ("09:00").</param>
/// <param name="CurrentStep">What the report is waiting for, in a few words.</param>
/// <param name="LevelSoFar">The response level the answers call for so far, or null when none yet.</param>
/// <param name="LeadRole">The duty lead's role as the school names it.</param>
/// <param name="LeadAsked">Whether the duty lead has been asked for.</param>
/// <param name="LeadWithheld">The report is not sent to the duty lead because it may concern a member of staff.</param>
public sealed record StaffStatusCardContent(
    string? IncidentType,
    string StartedAt,
    string CurrentStep,
    string? LevelSoFar,
    string LeadRole,
    bool LeadAsked,
    bool LeadWithheld,
    IReadOnlyList<string> OpenItems) : ReplyCardContent;
