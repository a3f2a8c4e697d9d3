using Xunit.Abstractions;

namespace TriageBot.Dialogs.Tests.Recognizers;

/// <summary>
/// Ours against the official @microsoft/recognizers-text-suite (Oracle/recognize.js) on every corpus phrase: at least
/// 95% agree, and each disagreement is listed in Corpus/disagreements.md with why ours is right or that it is a known
/// gap. Needs node and `npm ci` in Oracle/ (./test.sh does both); without them these tests fail, never skip.
/// </summary>
public sealed class RecognizerOracleTests(ITestOutputHelper output)
{
    private const int RequiredPercent = 95;

    [Fact]
    public void AtLeast95PercentOfThePhrases_Agree()
    {
        var all = CorpusComparison.Everything;
        var agreeing = all.Count(c => c.Agrees);
        output.WriteLine($"{agreeing} of {all.Count} phrases agree ({100.0 * agreeing / all.Count:F1}%).");
        foreach (var kind in all.GroupBy(c => c.Phrase.Kind))
        {
            output.WriteLine($"  {kind.Key}: {kind.Count(c => c.Agrees)} of {kind.Count()}");
        }

        // Whole numbers, so exactly 95% passes whatever floating point makes of 0.95 * count.
        Assert.True(agreeing * 100 >= RequiredPercent * all.Count, $"Only {agreeing} of {all.Count} phrases agree with the suite; at least {RequiredPercent}% must.");
    }

    [Fact]
    public void EveryDisagreement_IsListedWithItsReason()
    {
        var listed = ListedDisagreement.ReadAll().Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        var unlisted = CorpusComparison.Everything.Where(c => !c.Agrees && !listed.Contains(c.Phrase.Key)).ToList();

        Assert.True(unlisted.Count == 0,
            $"{unlisted.Count} disagreement(s) with the suite are not in {ListedDisagreement.FilePath}; add a row saying why ours is right " +
            $"or that it is a known gap (or fix ours):\n{string.Join('\n', unlisted.Select(ListedDisagreement.RowFor))}");
    }

    [Fact]
    public void EveryListedDisagreement_StillDisagrees_AsWritten()
    {
        var current = CorpusComparison.Everything.ToDictionary(c => c.Phrase.Key, StringComparer.Ordinal);
        var stale = new List<string>();
        foreach (var row in ListedDisagreement.ReadAll())
        {
            if (!current.TryGetValue(row.Key, out var comparison))
            {
                stale.Add($"line {row.Line}: {row.Key} is not in the corpus");
            }
            else if (comparison.Agrees)
            {
                stale.Add($"line {row.Line}: {row.Key} now agrees ({comparison.Ours}); remove the row");
            }
            else if (row.Ours != comparison.Ours || row.Suite != comparison.Suite)
            {
                stale.Add($"line {row.Line}: {row.Key} says ours {row.Ours}, suite {row.Suite}; now ours {comparison.Ours}, suite {comparison.Suite}");
            }
        }

        Assert.True(stale.Count == 0, $"{ListedDisagreement.FilePath} is out of date:\n{string.Join('\n', stale)}");
    }

    [Fact]
    public void EveryListedReason_SaysOursIsRight_OrNamesAKnownGap()
    {
        var unexplained = ListedDisagreement.ReadAll()
            .Where(row => !row.Why.StartsWith("Ours is right:", StringComparison.Ordinal) && !row.Why.StartsWith("Known gap:", StringComparison.Ordinal))
            .Select(row => $"line {row.Line}: {row.Key}")
            .ToList();

        Assert.True(unexplained.Count == 0, $"Each reason must start \"Ours is right:\" or \"Known gap:\":\n{string.Join('\n', unexplained)}");
    }
}
