namespace TriageBot.Dialogs.Tests.Recognizers;

/// <summary>
/// A row of Corpus/disagreements.md: a phrase where ours and the suite differ, both answers, and why (ours is right, or a
/// known gap). The table is read by the tests so it stays true: every disagreement is listed, and every row still
/// disagrees exactly as written.
/// </summary>
internal sealed record ListedDisagreement(string Key, string Ours, string Suite, string Why, int Line)
{
    public static string FilePath => Path.Combine(RecognizerCorpus.Folder, "disagreements.md");

    public static IReadOnlyList<ListedDisagreement> ReadAll()
    {
        var rows = new List<ListedDisagreement>();
        var lines = File.ReadAllLines(FilePath);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith('|'))
            {
                continue;
            }

            var cells = line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
            if (cells.Length != 6 || cells[0] is "kind" || cells[0].StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }

            var (kind, phrase, now) = (cells[0], cells[1].Trim('`'), cells[2]);
            var key = now.Length > 0 ? $"{kind} `{phrase}` at {now}" : $"{kind} `{phrase}`";
            rows.Add(new ListedDisagreement(key, cells[3], cells[4], cells[5], i + 1));
        }

        return rows;
    }

    /// <summary>The row to add for a disagreement that is not listed yet.</summary>
    public static string RowFor(CorpusComparison comparison) =>
        $"| {comparison.Phrase.Kind} | `{comparison.Phrase.Text}` | {(comparison.Phrase.NowIsOwn ? $"{comparison.Phrase.Now:HH:mm}" : string.Empty)} | " +
        $"{comparison.Ours} | {comparison.Suite} | Ours is right: ... / Known gap: ... |";
}
