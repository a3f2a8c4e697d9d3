namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>The school's own file: which region pack applies, its name and its local contacts.</summary>
public sealed record SchoolSettings(
    string Name,
    string Region,
    IReadOnlyList<LocalContact> Contacts,
    IReadOnlyList<SourceReference> Sources,
    ContentLocation Location)
{
    /// <summary>Where <see cref="Region"/> is written, so an unknown region points at that line.</summary>
    public ContentLocation? RegionLocation { get; init; }
}
