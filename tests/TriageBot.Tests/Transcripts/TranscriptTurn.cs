namespace TriageBot.Tests.Transcripts;

/// <summary>What staff do once, and everything the bot is expected to show in answer, in order.</summary>
internal sealed record TranscriptTurn(TranscriptLine Staff, IReadOnlyList<TranscriptLine> Expected);
