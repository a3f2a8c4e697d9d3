namespace TriageBot.Hosting;

/// <summary>Where the school's crisis content is. Bound from the Protocols section.</summary>
public sealed class ProtocolOptions
{
    public const string SectionName = "Protocols";

    /// <summary>
    /// The content folder (with school.yaml). Relative paths are from the content root. Blank: protocols/ in the
    /// content root if there is one, else the copy published next to the app.
    /// </summary>
    public string? Folder { get; set; }
}
