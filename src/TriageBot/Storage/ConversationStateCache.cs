using TriageBot.Caching;

namespace TriageBot.Storage;

/// <summary>
/// The last saved state of the conversations this process served recently, as stored (JSON and version), so a turn
/// need not read its state back from the store. Safe with other processes writing the same store: a turn that ran on
/// a state someone else has since replaced fails its version check on save, the entry is dropped, and the turn runs
/// again on the state read from the store. Least recently used entries go first once <see cref="Capacity"/> is reached.
/// </summary>
public sealed class ConversationStateCache(int capacity)
{
    private readonly LruCache<ConversationKey, (string StateJson, long Version)> _entries = new(capacity);

    public int Capacity => _entries.Capacity;

    public int Count => _entries.Count;

    public bool TryGet(ConversationKey key, out string stateJson, out long version)
    {
        var found = _entries.TryGet(key, out var entry);
        (stateJson, version) = found ? entry : (string.Empty, 0);
        return found;
    }

    public void Set(ConversationKey key, string stateJson, long version) => _entries.Set(key, (stateJson, version));

    public void Remove(ConversationKey key) => _entries.Remove(key);
}
