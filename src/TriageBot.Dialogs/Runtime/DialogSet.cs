namespace TriageBot.Dialogs.Runtime;

/// <summary>The dialogs a bot knows, by id. The stack stores ids, so renaming a dialog id strands stored conversations.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet Add(Dialog dialog)
    {
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new ArgumentException($"A dialog with id '{dialog.Id}' is already registered.", nameof(dialog));
        }

        return this;
    }

    public Dialog Find(string id) =>
        _dialogs.TryGetValue(id, out var dialog) ? dialog : throw new KeyNotFoundException($"No dialog with id '{id}' is registered.");

    public bool Contains(string id) => _dialogs.ContainsKey(id);
}
