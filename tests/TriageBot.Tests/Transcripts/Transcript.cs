namespace TriageBot.Tests.Transcripts;

/// <summary>
/// A conversation between a member of staff and the bot, as a content author writes it (see README.md here): a
/// title, the region the school is in, and the turns.
/// </summary>
internal sealed record Transcript(string Path, string Title, string Region, IReadOnlyList<TranscriptTurn> Turns)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}
