using System.Globalization;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>What is wrong with the content and where: shown to the safeguarding lead who edits it.</summary>
public sealed record ContentError(string File, int Line, int Column, string Message)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}: {Message}");
}
