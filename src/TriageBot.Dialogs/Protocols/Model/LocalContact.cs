namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>A number or address only the school knows (the local MASH, the duty lead's mobile...).</summary>
/// <param name="Id">How content refers to it: <c>{contact:id}</c>.</param>
/// <param name="Name">What it is, for staff.</param>
/// <param name="Value">The number or address; null until the school sets it.</param>
public sealed record LocalContact(string Id, string Name, string? Value, ContentLocation Location)
{
    public bool IsSet => !string.IsNullOrWhiteSpace(Value);

    /// <summary>What staff see: the value, or a marker that the school still has to fill it in.</summary>
    public string Display => IsSet ? $"{Name}: {Value}" : $"{Name} (number not yet set by your school)";
}
