namespace TriageBot.Tests.Transcripts;

/// <summary>A transcript as the bot actually ran it: each staff line with everything the bot showed in answer.</summary>
internal sealed record TranscriptRun(Transcript Transcript, IReadOnlyList<TranscriptTurn> Turns)
{
    /// <summary>Everything the bot showed, one transcript line each.</summary>
    public IEnumerable<TranscriptLine> BotLines => Turns.SelectMany(turn => turn.Expected);

    /// <summary>The run written as a transcript file: what the transcript would say if it matched the bot exactly.</summary>
    public string Render()
    {
        var text = new System.Text.StringBuilder();
        text.Append("# ").Append(Transcript.Title).Append('\n');
        if (Transcript.Region != TranscriptParser.DefaultRegion)
        {
            text.Append("region: ").Append(Transcript.Region).Append('\n');
        }

        foreach (var turn in Turns)
        {
            text.Append('\n').Append(turn.Staff.Render()).Append('\n');
            foreach (var line in turn.Expected)
            {
                text.Append(line.Render()).Append('\n');
            }
        }

        return text.ToString();
    }
}
