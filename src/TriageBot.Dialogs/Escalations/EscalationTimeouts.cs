using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Rota;

namespace TriageBot.Dialogs.Escalations;

/// <summary>
/// How long a card waits for the lead to acknowledge it before it goes to the next person in the chain, per response
/// level. Emergencies and same-day assessments count minutes on the clock; targeted and universal support count school
/// days on the rota's calendar, so a Friday-afternoon card is not re-sent over the weekend.
/// </summary>
public sealed record EscalationTimeouts(TimeSpan EmergencyNow, TimeSpan UrgentSameDay, int TargetedSupportSchoolDays, int UniversalSupportSchoolDays)
{
    public static EscalationTimeouts Default { get; } = new(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), 1, 1);

    public DateTimeOffset DeadlineFor(ResponseLevel level, DateTimeOffset sentAt, DutyRota rota) => level switch
    {
        ResponseLevel.EmergencyNow => sentAt + EmergencyNow,
        ResponseLevel.UrgentSameDay => sentAt + UrgentSameDay,
        ResponseLevel.TargetedSupport => SchoolCalendar.AddSchoolDays(rota, sentAt, TargetedSupportSchoolDays),
        _ => SchoolCalendar.AddSchoolDays(rota, sentAt, UniversalSupportSchoolDays),
    };
}
