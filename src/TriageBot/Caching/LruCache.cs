namespace TriageBot.Caching;

/// <summary>
/// A thread-safe map of at most <see cref="Capacity"/> entries; once full, adding one drops the least recently used.
/// Everything the process keeps per conversation, channel or user goes through one of these, so memory stays bounded
/// whatever ids arrive (issue 13). Capacity 0 keeps nothing.
/// </summary>
public sealed class LruCache<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<Entry>> _entries = new(comparer);
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

    public bool TryGet(TKey key, out TValue value)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
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
                node.Value = new Entry(key, value);
                _recent.AddFirst(node);
                return;
            }

            _entries[key] = _recent.AddFirst(new Entry(key, value));
            if (_entries.Count > Capacity)
            {
                var oldest = _recent.Last!;
                _recent.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }
        }
    }

    /// <summary>The cached value, else one made by <paramref name="create"/> and kept (made outside the lock; two racing callers may both make it).</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        if (TryGet(key, out var value))
        {
            return value;
        }

        value = create(key);
        Set(key, value);
        return value;
    }

    public void Remove(TKey key)
    {
        lock (_lock)
        {
            if (_entries.Remove(key, out var node))
            {
                _recent.Remove(node);
            }
        }
    }

    private sealed record Entry(TKey Key, TValue Value);
}
