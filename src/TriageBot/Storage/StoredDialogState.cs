using TriageBot.Dialogs.Turns;

namespace TriageBot.Storage;

/// <summary>A conversation's dialog state as loaded, with the version it had; saving checks that version.</summary>
public sealed record StoredDialogState(DialogState State, long Version)
{
    /// <summary>A conversation the store has never seen: empty state, version 0.</summary>
    public static StoredDialogState New() => new(DialogState.Empty(), 0);
}
