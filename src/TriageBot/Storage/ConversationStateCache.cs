namespace TriageBot.Storage;

/// <summary>
/// The last saved state of the conversations this process served recently, as stored (JSON and version), so a turn
/// need not read its state back from the store. Safe with other processes writing the same store: a turn that ran on
/// a state someone else has since replaced fails its version check on save, the entry is dropped, and the turn runs
/// again on the state read from the store. Least recently used entries go first once <see cref="Capacity"/> is reached.
/// </summary>
public sealed class ConversationStateCache(int capacity)
{
    private readonly Dictionary<ConversationKey, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recent = new();
    private readonly Lock _lock = new();

    public int Capacity { get; } = Math.Max(0, capacity);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public bool TryGet(ConversationKey key, out string stateJson, out long version)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                (stateJson, version) = (node.Value.StateJson, node.Value.Version);
                return true;
            }
        }

        (stateJson, version) = (string.Empty, 0);
        return false;
    }

    public void Set(ConversationKey key, string stateJson, long version)
    {
        if (Capacity == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recent.Remove(node);
                node.Value = new Entry(key, stateJson, version);
                _recent.AddFirst(node);
                return;
            }

            _entries[key] = _recent.AddFirst(new Entry(key, stateJson, version));
            if (_entries.Count > Capacity)
            {
                var oldest = _recent.Last!;
                _recent.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }
        }
    }

    public void Remove(ConversationKey key)
    {
        lock (_lock)
        {
            if (_entries.Remove(key, out var node))
            {
                _recent.Remove(node);
            }
        }
    }

    private sealed record Entry(ConversationKey Key, string StateJson, long Version);
}
