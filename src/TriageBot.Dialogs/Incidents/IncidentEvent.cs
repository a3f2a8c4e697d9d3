using System.Text.Json.Nodes;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Incidents;

/// <summary>
/// One thing that happened in an incident, as the dialogs report it: an answer, a step outcome, a checklist result,
/// the response level, a referral, a cancellation. The host appends it to the incident log in the same transaction as
/// the conversation's new state, chains it to the event before, and never edits it.
/// </summary>
/// <param name="IncidentId">The incident it belongs to.</param>
/// <param name="Type">What happened (one of <see cref="IncidentEventTypes"/>).</param>
/// <param name="Actor">Who did it: the member of staff in the conversation.</param>
/// <param name="At">When, from the turn's <see cref="TimeProvider"/>.</param>
/// <param name="Data">Ids, choices and levels: safe to show to leads and to count, never free text about the student.</param>
/// <param name="Personal">
/// What staff typed about the student (the first description, a reason, the student reference). The host stores it
/// encrypted and never logs it; null when the event carries none.
/// </param>
public sealed record IncidentEvent(
    string IncidentId,
    string Type,
    Participant Actor,
    DateTimeOffset At,
    JsonObject Data,
    JsonObject? Personal = null);
