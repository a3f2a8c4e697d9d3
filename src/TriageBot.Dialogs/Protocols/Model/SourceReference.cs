namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>Where a file's content comes from: a guideline, an instrument, a statute or the school's own policy.</summary>
/// <param name="Title">What the source is called.</param>
/// <param name="Url">Where to read it, when it is online.</param>
/// <param name="Publication">Publisher, edition or date, when there is no address (or in addition to one).</param>
public sealed record SourceReference(string Title, string? Url, string? Publication);
