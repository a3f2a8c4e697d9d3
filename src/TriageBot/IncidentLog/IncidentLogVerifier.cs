namespace TriageBot.IncidentLog;

/// <summary>
/// Recomputes the hash chain from the first event and names the first event that does not fit: its own hash differs
/// (the row was edited), its previous hash differs (a row before it was removed, edited or reordered), or a sequence
/// number is missing (a row was deleted).
/// </summary>
public sealed class IncidentLogVerifier(IncidentLogReader reader)
{
    public async Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var previous = EventHash.Genesis;
        long expected = 1;
        long checkedCount = 0;
        await foreach (var stored in reader.ReadAllStoredAsync(cancellationToken))
        {
            if (stored.Sequence != expected)
            {
                return new(checkedCount, expected, null, $"event {expected} is missing (the next stored event is {stored.Sequence})");
            }

            if (stored.PreviousHash != previous)
            {
                return new(checkedCount, stored.Sequence, stored.IncidentId, "its previous hash does not match the event before it");
            }

            if (EventHash.Of(stored) != stored.Hash)
            {
                return new(checkedCount, stored.Sequence, stored.IncidentId, "its content does not match its hash (the row was changed)");
            }

            previous = stored.Hash;
            expected++;
            checkedCount++;
        }

        return new(checkedCount, null, null, null);
    }
}
