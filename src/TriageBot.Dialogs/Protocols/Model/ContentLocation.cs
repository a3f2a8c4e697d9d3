namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>Where a piece of content was written: validation errors and audits point back to it.</summary>
/// <param name="File">The file's path as the loader was given it (relative to the protocols folder).</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record ContentLocation(string File, int Line, int Column);
