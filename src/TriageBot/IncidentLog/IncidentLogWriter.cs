using System.Globalization;
using TriageBot.Dialogs.Incidents;
using TriageBot.Escalations;
using TriageBot.Storage;

namespace TriageBot.IncidentLog;

/// <summary>
/// Appends events to the log inside the caller's transaction (the turn's, or a decision's), each chained to the one
/// before. The store locks the chain's tail for the caller's transaction (<see cref="IIncidentLogStore.LockTailAsync"/>),
/// so the last hash read here is still the last when the new rows are written, across processes too.
/// </summary>
public sealed class IncidentLogWriter(IIncidentLogStore store, PersonalDataProtector protector, TimeProvider time) : IIncidentLogWriter
{
    public async Task AppendAsync(IStoreTransaction transaction, IReadOnlyList<IncidentEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        var (sequence, previous) = await store.LockTailAsync(transaction);
        var recordedAt = Stamp(time.GetUtcNow());
        foreach (var recorded in events)
        {
            sequence++;
            var personal = await protector.ProtectAsync(transaction, recorded.IncidentId, recorded.Personal);
            var unhashed = new StoredEvent(
                sequence,
                recorded.IncidentId,
                recorded.Type,
                recorded.Actor.Id,
                recorded.Actor.AadObjectId,
                recorded.Actor.Name,
                Stamp(recorded.At),
                recordedAt,
                recorded.Data.ToJsonString(),
                personal,
                previous,
                string.Empty);
            var stored = unhashed with { Hash = EventHash.Of(unhashed) };
            await store.InsertAsync(transaction, stored);
            previous = stored.Hash;
        }
    }

    public static string Stamp(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
