using TriageBot.Storage;

namespace TriageBot.Incidents;

/// <summary>Reads of the incident register. Call <see cref="IncidentRegister.CatchUpAsync"/> first when it must be current.</summary>
public interface IIncidentQueries
{
    Task<IncidentSummaryRow?> ByNumberAsync(long number, CancellationToken cancellationToken);

    /// <summary>The incident with this id; read in <paramref name="transaction"/> when given (a projection's own unit).</summary>
    Task<IncidentSummaryRow?> ByIdAsync(string id, IStoreTransaction? transaction, CancellationToken cancellationToken);

    /// <summary>The escalations and follow-up tasks still open on this incident; read in <paramref name="transaction"/> when given.</summary>
    Task<IncidentOpenWork> OpenWorkAsync(string id, IStoreTransaction? transaction, CancellationToken cancellationToken);

    /// <summary>How many incidents are not closed (for the digest's summary line).</summary>
    Task<long> CountNotClosedAsync(CancellationToken cancellationToken);

    /// <summary>Incidents not yet closed, newest first.</summary>
    Task<IReadOnlyList<IncidentSummaryRow>> OpenAsync(int limit, CancellationToken cancellationToken);

    /// <summary>One member of staff's own reports (by their channel id or Entra object id), newest first.</summary>
    Task<IReadOnlyList<IncidentSummaryRow>> ReportedByAsync(string userId, string? aadObjectId, int limit, CancellationToken cancellationToken);

    /// <summary>Incidents opened in [from, until), oldest first.</summary>
    Task<IReadOnlyList<IncidentSummaryRow>> OpenedBetweenAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Open follow-up tasks per incident id (incidents with none are absent), for lists.</summary>
    Task<IReadOnlyDictionary<string, long>> OpenFollowUpCountsAsync(CancellationToken cancellationToken);
}
