namespace TriageBot.Dialogs.Tests.Recognizers;

/// <summary>One corpus phrase with ours and the suite's answer side by side.</summary>
internal sealed record CorpusComparison(CorpusPhrase Phrase, string Ours, string Suite)
{
    private static readonly Lazy<IReadOnlyList<CorpusComparison>> All = new(Compare);

    public bool Agrees => string.Equals(Ours, Suite, StringComparison.Ordinal);

    /// <summary>Every corpus phrase, compared once per test run (one node process).</summary>
    public static IReadOnlyList<CorpusComparison> Everything => All.Value;

    private static List<CorpusComparison> Compare()
    {
        var corpus = RecognizerCorpus.Instance;
        var suite = SuiteAnswers.For(corpus, SuiteOracle.Run(RecognizerCorpus.FilePath));
        return corpus.Phrases.Select((phrase, i) => new CorpusComparison(phrase, phrase.Ours(corpus.Offered), suite[i])).ToList();
    }
}
