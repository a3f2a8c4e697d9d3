namespace TriageBot.Tests.Transcripts;

/// <summary>
/// Reads a .transcript file (format in README.md here). A mistake in the file is reported as file:line, like the
/// content validator does, so the author can find it.
/// </summary>
internal static class TranscriptParser
{
    public const string DefaultRegion = "uk";

    public static Transcript Parse(string path) => Parse(path, File.ReadAllLines(path));

    public static Transcript Parse(string path, IReadOnlyList<string> lines)
    {
        var name = System.IO.Path.GetFileName(path);
        string? title = null;
        var region = DefaultRegion;
        var turns = new List<TranscriptTurn>();
        TranscriptLine? staff = null;
        var expected = new List<TranscriptLine>();

        // A bot paragraph continues on indented lines until a blank line or the next line of its own.
        var continuing = false;

        for (var index = 0; index < lines.Count; index++)
        {
            var number = index + 1;
            var raw = lines[index];
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continuing = false;
                continue;
            }

            if (char.IsWhiteSpace(raw[0]) && !line.StartsWith('#'))
            {
                if (!continuing)
                {
                    throw Mistake(name, number, "an indented line continues a bot: paragraph, and there is none above it");
                }

                var last = expected[^1];
                expected[^1] = last with { Text = last.Text + "\n" + line };
                continue;
            }

            continuing = false;
            if (line.StartsWith('#'))
            {
                title ??= staff is null ? line.TrimStart('#').Trim() : null;
                continue;
            }

            if (TryRead(line, "region:") is { } regionName)
            {
                if (staff is not null)
                {
                    throw Mistake(name, number, "region: goes at the top, before the first staff line");
                }

                region = regionName.ToLowerInvariant();
                continue;
            }

            if (ReadStaff(line, number) is { } staffLine)
            {
                if (staff is not null)
                {
                    turns.Add(new TranscriptTurn(staff, expected));
                }

                if (staffLine.Kind != TranscriptLineKind.StaffOpensChat && staffLine.Text.Length == 0)
                {
                    throw Mistake(name, number, "staff: needs what was typed, staff presses: the title of a button");
                }

                staff = staffLine;
                expected = [];
                continue;
            }

            var botLine = ReadBot(line, number)
                ?? throw Mistake(name, number, $"not a transcript line: '{line}'. Lines start with staff:, staff presses:, staff opens the chat, bot:, bot~, buttons:, region: or #");
            if (staff is null)
            {
                throw Mistake(name, number, "the bot only answers: put a staff line before this one");
            }

            expected.Add(botLine);
            continuing = botLine.Kind != TranscriptLineKind.Buttons;
        }

        if (staff is not null)
        {
            turns.Add(new TranscriptTurn(staff, expected));
        }

        if (turns.Count == 0)
        {
            throw Mistake(name, lines.Count, "no staff lines: a transcript needs at least one");
        }

        return new Transcript(path, title ?? name, region, turns);
    }

    private static TranscriptLine? ReadStaff(string line, int number)
    {
        if (line.Equals("staff opens the chat", StringComparison.OrdinalIgnoreCase))
        {
            return new TranscriptLine(number, TranscriptLineKind.StaffOpensChat, string.Empty);
        }

        if (TryRead(line, "staff presses:") is { } title)
        {
            return new TranscriptLine(number, TranscriptLineKind.StaffPresses, title);
        }

        return TryRead(line, "staff:") is { } text ? new TranscriptLine(number, TranscriptLineKind.StaffSays, text) : null;
    }

    private static TranscriptLine? ReadBot(string line, int number)
    {
        if (TryRead(line, "bot~") is { } fragment)
        {
            return new TranscriptLine(number, TranscriptLineKind.BotSaysSomethingWith, fragment.TrimStart(':').Trim());
        }

        if (TryRead(line, "bot:") is { } text)
        {
            return new TranscriptLine(number, TranscriptLineKind.BotSays, text);
        }

        return TryRead(line, "buttons:") is { } buttons
            ? new TranscriptLine(number, TranscriptLineKind.Buttons, JoinButtons(buttons.Split('|')))
            : null;
    }

    public static string JoinButtons(IEnumerable<string> titles) => string.Join(" | ", titles.Select(title => title.Trim()));

    private static string? TryRead(string line, string prefix) =>
        line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? line[prefix.Length..].Trim() : null;

    private static FormatException Mistake(string file, int line, string message) => new($"{file}:{line}: {message}");
}
