namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>The school's own file: which region pack applies, its name, its local contacts and its incident order.</summary>
public sealed record SchoolSettings(
    string Name,
    string Region,
    IReadOnlyList<LocalContact> Contacts,
    IReadOnlyList<SourceReference> Sources,
    ContentLocation Location)
{
    /// <summary>Where <see cref="Region"/> is written, so an unknown region points at that line.</summary>
    public ContentLocation? RegionLocation { get; init; }

    /// <summary>
    /// Protocol ids, most urgent first: when one message tells of two incidents, the one earlier here is offered first
    /// and the other straight after. Empty: the order of the protocol files. A school-policy choice.
    /// </summary>
    public IReadOnlyList<(string ProtocolId, ContentLocation Location)> IncidentOrder { get; init; } = [];
}
