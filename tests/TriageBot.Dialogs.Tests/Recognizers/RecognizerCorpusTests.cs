namespace TriageBot.Dialogs.Tests.Recognizers;

/// <summary>Ours against Corpus/corpus.json: every phrase gives the value the corpus expects.</summary>
public sealed class RecognizerCorpusTests
{
    private static RecognizerCorpus Corpus => RecognizerCorpus.Instance;

    [Fact]
    public void TheCorpus_HasEnoughPhrasesOfEachKind()
    {
        Assert.True(Corpus.OfKind(CorpusPhrase.YesNo).Count() >= 50, "at least 50 yes/no phrases");
        Assert.True(Corpus.OfKind(CorpusPhrase.Choice).Count() >= 30, "at least 30 choice picks");
        Assert.True(Corpus.OfKind(CorpusPhrase.Number).Count() >= 50, "at least 50 numbers");
        Assert.True(Corpus.OfKind(CorpusPhrase.Moment).Count() >= 70, "at least 70 moments");
        Assert.True(Corpus.Phrases.Count >= 200, "at least 200 phrases");
    }

    [Fact]
    public void EveryPhrase_IsListedOnce() =>
        Assert.Empty(Corpus.Phrases.GroupBy(p => p.Key).Where(g => g.Count() > 1).Select(g => g.Key));

    [Theory]
    [InlineData(CorpusPhrase.YesNo)]
    [InlineData(CorpusPhrase.Choice)]
    [InlineData(CorpusPhrase.Number)]
    [InlineData(CorpusPhrase.Moment)]
    public void OursGivesTheExpectedValue_ForEveryPhrase(string kind)
    {
        var wrong = Corpus.OfKind(kind)
            .Select(phrase => (phrase, ours: phrase.Ours(Corpus.Offered)))
            .Where(x => x.ours != x.phrase.Expected)
            .Select(x => $"{x.phrase.Key}: expected {x.phrase.Expected}, ours gives {x.ours}")
            .ToList();

        Assert.True(wrong.Count == 0, $"{wrong.Count} phrase(s) read wrongly:\n{string.Join('\n', wrong)}");
    }
}
