using TriageBot.Access;
using TriageBot.Dialogs.Protocols;
using TriageBot.IncidentLog;
using TriageBot.Incidents;
using TriageBot.Storage;

namespace TriageBot.Chronology;

/// <summary>
/// Reads incidents for people and systems allowed to see them, and records each read. For a caller who may not read
/// an incident the answer is the same as for a number that does not exist, and the refusal is recorded.
/// </summary>
public sealed class ChronologyReader(
    IIncidentQueries incidents,
    IncidentRegister register,
    IncidentLogReader log,
    IncidentReads reads,
    ProtocolCatalog catalog)
{
    /// <summary>The incident with this number, read by this caller; null when there is none or they may not see it.</summary>
    public async Task<IncidentChronology?> ReadAsync(long number, Caller caller, string how, string? format, CancellationToken cancellationToken)
    {
        await register.CatchUpAsync(cancellationToken);
        IncidentSummaryRow? incident;
        incident = await incidents.ByNumberAsync(number, cancellationToken);

        if (incident is null)
        {
            return null;
        }

        if (!IncidentAccess.MayRead(caller, incident))
        {
            await reads.RecordRefusedAsync(incident.Id, caller.Who, how, cancellationToken);
            return null;
        }

        var chronology = IncidentChronology.From(incident, await log.ReadLoggedAsync(incident.Id, cancellationToken), catalog);
        await reads.RecordReadAsync([incident.Id], caller.Who, how, format, cancellationToken);
        return chronology;
    }

    /// <summary>Every incident opened in [from, to) for a lead or the admin API; each read is recorded.</summary>
    public async Task<IReadOnlyList<IncidentChronology>> ReadRangeAsync(DateTimeOffset from, DateTimeOffset to, Dialogs.Turns.Participant who, string how, string? format, CancellationToken cancellationToken)
    {
        await register.CatchUpAsync(cancellationToken);
        var opened = await incidents.OpenedBetweenAsync(from, to, cancellationToken);

        var chronologies = new List<IncidentChronology>();
        foreach (var incident in opened)
        {
            chronologies.Add(IncidentChronology.From(incident, await log.ReadLoggedAsync(incident.Id, cancellationToken), catalog));
        }

        await reads.RecordReadAsync([.. opened.Select(i => i.Id)], who, how, format, cancellationToken);
        return chronologies;
    }

    /// <summary>Open follow-ups per incident id, for lists.</summary>
    public Task<IReadOnlyDictionary<string, long>> OpenFollowUpCountsAsync(CancellationToken cancellationToken) =>
        incidents.OpenFollowUpCountsAsync(cancellationToken);
}
