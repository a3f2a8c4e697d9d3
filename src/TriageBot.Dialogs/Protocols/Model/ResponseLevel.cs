namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>
/// How fast and how much help is needed now. Ordered from most to least urgent, so a smaller value is more urgent.
/// It describes the response, never a prediction about the student (NICE NG225 advises against risk labels).
/// </summary>
public enum ResponseLevel
{
    /// <summary>Act now: emergency services, first aid, never leave the student alone.</summary>
    EmergencyNow = 0,

    /// <summary>An assessment by the duty lead (and health services where needed) the same day.</summary>
    UrgentSameDay = 1,

    /// <summary>Planned support from the school's pastoral or therapy team.</summary>
    TargetedSupport = 2,

    /// <summary>The support every student has; the concern is still recorded and passed to the duty lead.</summary>
    UniversalSupport = 3,
}
