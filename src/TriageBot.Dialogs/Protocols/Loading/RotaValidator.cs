using TriageBot.Dialogs.Rota;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>
/// The rota's references and coverage: every id names a person, nobody deputises for themselves, no weekday has two
/// leads, every weekday of a term has a lead, and there is at least one designated lead. A gap here would mean an
/// escalation with nobody to send it to, so each is an error, not a warning.
/// </summary>
internal static class RotaValidator
{
    public static void Check(DutyRota rota, ContentErrors errors)
    {
        DuplicateIds.Check(rota.People, p => p.Id, p => p.Location, "person", errors);
        var known = rota.People.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var names = string.Join(", ", known.Order(StringComparer.Ordinal));

        if (rota.DesignatedLeads.Count == 0)
        {
            errors.Add(rota.Location, "'designated_leads' names nobody: at least one person must be able to decide escalations");
        }

        foreach (var id in rota.DesignatedLeads.Where(id => !known.Contains(id)))
        {
            errors.Add(rota.Location, $"designated lead '{id}' is not in 'people' (people: {names})");
        }

        foreach (var chain in rota.Duty.Select(s => s.Chain).Append(rota.OutOfHours))
        {
            foreach (var id in chain.InOrder.Where(id => !known.Contains(id)))
            {
                errors.Add(chain.Location, $"'{id}' is not in 'people' (people: {names})");
            }

            foreach (var twice in chain.InOrder.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                errors.Add(chain.Location, $"'{twice.Key}' appears twice in one chain: an escalation would wait on the same person again");
            }
        }

        var claimed = new Dictionary<DayOfWeek, DutySlot>();
        foreach (var slot in rota.Duty)
        {
            foreach (var day in slot.Days)
            {
                if (claimed.TryGetValue(day, out var first))
                {
                    errors.Add(slot.Location, $"{day} already has a lead (line {first.Location.Line}); each weekday may have one duty slot");
                }
                else
                {
                    claimed[day] = slot;
                }
            }
        }

        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.Where(d => !claimed.ContainsKey(d)))
        {
            errors.Add(rota.Location, $"nobody is on duty on {day}s: add {day.ToString().ToLowerInvariant()} to a duty slot's 'days'");
        }

        if (rota.Terms.Count == 0)
        {
            errors.Add(rota.Location, "'terms' lists no term dates: outside a term every hour counts as out of hours");
        }
    }
}
