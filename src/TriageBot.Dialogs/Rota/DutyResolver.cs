namespace TriageBot.Dialogs.Rota;

/// <summary>Works out who is on duty at a moment: the weekday's chain during the school day in term time, else out of hours.</summary>
public static class DutyResolver
{
    public static DutyAssignment OnDuty(DutyRota rota, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rota);
        var local = TimeZoneInfo.ConvertTime(now, rota.TimeZone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var inTerm = rota.Terms.Any(t => t.Contains(date)) && !rota.Closures.Any(c => c.Contains(date));
        var slot = rota.Duty.FirstOrDefault(s => s.Days.Contains(local.DayOfWeek));
        var inHours = inTerm && slot is not null && time >= rota.DayStarts && time < rota.DayEnds;
        var chain = inHours ? slot!.Chain : rota.OutOfHours;

        // Validation proves every id in a chain names a person.
        return new DutyAssignment(
            rota.Person(chain.Lead)!,
            chain.Deputies.Select(id => rota.Person(id)!).ToList(),
            inHours,
            local);
    }

    /// <summary>True when this person may decide escalations now: the people on duty and the designated leads.</summary>
    public static bool MayDecide(DutyRota rota, DateTimeOffset now, string? aadObjectId, string? email)
    {
        ArgumentNullException.ThrowIfNull(rota);
        var allowed = OnDuty(rota, now).InOrder.Concat(rota.DesignatedLeads.Select(id => rota.Person(id)!));
        return allowed.Any(person => Matches(person, aadObjectId, email));
    }

    /// <summary>
    /// True when this person is a lead at all: a designated lead, or named in any duty chain or the out-of-hours chain.
    /// Leads see every incident and may act on any follow-up task.
    /// </summary>
    public static bool IsAnyLead(DutyRota rota, string? aadObjectId, string? email)
    {
        ArgumentNullException.ThrowIfNull(rota);
        var ids = rota.DesignatedLeads
            .Concat(rota.Duty.SelectMany(slot => slot.Chain.InOrder))
            .Concat(rota.OutOfHours.InOrder)
            .ToHashSet(StringComparer.Ordinal);
        return rota.People.Any(person => ids.Contains(person.Id) && Matches(person, aadObjectId, email));
    }

    /// <summary>The rota person with this Entra object id or email, or null.</summary>
    public static RotaPerson? Find(DutyRota rota, string? aadObjectId, string? email)
    {
        ArgumentNullException.ThrowIfNull(rota);
        return rota.People.FirstOrDefault(person => Matches(person, aadObjectId, email));
    }

    public static bool Matches(RotaPerson person, string? aadObjectId, string? email) =>
        (!string.IsNullOrWhiteSpace(aadObjectId) && string.Equals(person.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase))
        || (!string.IsNullOrWhiteSpace(email) && string.Equals(person.Email, email, StringComparison.OrdinalIgnoreCase));
}
