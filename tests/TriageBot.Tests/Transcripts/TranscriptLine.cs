namespace TriageBot.Tests.Transcripts;

/// <summary>One line of a transcript (a bot paragraph may span several lines of the file), with its line number.</summary>
internal sealed record TranscriptLine(int Number, TranscriptLineKind Kind, string Text)
{
    public bool IsStaff => Kind is TranscriptLineKind.StaffOpensChat or TranscriptLineKind.StaffSays or TranscriptLineKind.StaffPresses;

    /// <summary>Whether a line the bot actually showed satisfies this expected line.</summary>
    public bool Matches(TranscriptLine actual) => (Kind, actual.Kind) switch
    {
        (TranscriptLineKind.BotSays, TranscriptLineKind.BotSays) => Normalise(Text) == Normalise(actual.Text),
        (TranscriptLineKind.BotSaysSomethingWith, TranscriptLineKind.BotSays) => Normalise(actual.Text).Contains(Normalise(Text), StringComparison.Ordinal),
        (TranscriptLineKind.Buttons, TranscriptLineKind.Buttons) => Text == actual.Text,
        _ => false,
    };

    /// <summary>The line as it is written in a transcript file; the lines of a paragraph go under its first line.</summary>
    public string Render()
    {
        var (prefix, text) = Kind switch
        {
            TranscriptLineKind.StaffOpensChat => ("staff opens the chat", string.Empty),
            TranscriptLineKind.StaffSays => ("staff: ", Text),
            TranscriptLineKind.StaffPresses => ("staff presses: ", Text),
            TranscriptLineKind.BotSays => ("bot:   ", Text),
            TranscriptLineKind.BotSaysSomethingWith => ("bot~   ", Text),
            _ => ("buttons: ", Text),
        };

        return prefix + text.Replace("\n", "\n       ", StringComparison.Ordinal);
    }

    // Indentation and trailing spaces are layout in the file, not what the bot said.
    private static string Normalise(string text) =>
        string.Join('\n', text.Split('\n').Select(line => line.Trim()));
}
