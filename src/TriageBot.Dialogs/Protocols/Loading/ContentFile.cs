namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>One content file: its path (as errors should name it) and its text.</summary>
public sealed record ContentFile(string Path, string Text);
