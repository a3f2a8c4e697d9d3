using TriageBot.Dialogs.Protocols;
using TriageBot.IncidentLog;
using TriageBot.Incidents;

namespace TriageBot.Chronology;

/// <summary>One incident as its register row and its chronology, in order; corrections follow the event they correct.</summary>
public sealed record IncidentChronology(IncidentSummaryRow Incident, IReadOnlyList<ChronologyEntry> Entries)
{
    public static IncidentChronology From(IncidentSummaryRow incident, IReadOnlyList<LoggedEvent> events, ProtocolCatalog catalog)
    {
        var entries = events.Select(logged => new ChronologyEntry(
            logged.Sequence,
            logged.Event.At,
            logged.Event.Actor.Name ?? logged.Event.Actor.Id,
            logged.Event.Actor.Id,
            logged.Event.Type,
            EventDescriptions.Describe(logged.Event, catalog),
            EventDescriptions.PersonalText(logged.Event.Personal),
            logged.Event.Type == RecordEventTypes.Correction ? logged.Event.Data["corrects"]?.GetValue<long>() : null)).ToList();

        // A correction is shown right after the event it corrects; the original is never changed.
        var ordered = new List<ChronologyEntry>();
        foreach (var entry in entries.Where(e => e.Corrects is null))
        {
            ordered.Add(entry);
            ordered.AddRange(entries.Where(e => e.Corrects == entry.Sequence));
        }

        ordered.AddRange(entries.Where(e => e.Corrects is not null && !ordered.Contains(e)));
        return new IncidentChronology(incident, ordered);
    }
}
