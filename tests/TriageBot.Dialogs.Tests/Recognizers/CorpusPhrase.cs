using TriageBot.Dialogs.Recognizers;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Tests.Recognizers;

/// <summary>
/// One phrase of Corpus/corpus.json: which recogniser reads it (<see cref="Kind"/>), the moment it is read at (moments
/// only) and what ours must make of it, written as a <see cref="CorpusAnswer"/>.
/// </summary>
internal sealed record CorpusPhrase(string Kind, string Text, DateTimeOffset? Now, bool NowIsOwn, string Expected)
{
    public const string YesNo = "yes/no";
    public const string Choice = "choice";
    public const string Number = "number";
    public const string Moment = "moment";

    /// <summary>How the phrase is named in messages and in disagreements.md: kind, text and, when it has its own, the time it is read at.</summary>
    public string Key => NowIsOwn ? $"{Kind} `{Text}` at {Now:HH:mm}" : $"{Kind} `{Text}`";

    /// <summary>What TriageBot's recogniser makes of the phrase.</summary>
    public string Ours(IReadOnlyList<Choice> offered) => Kind switch
    {
        YesNo => CorpusAnswer.Of(BooleanRecognizer.Recognize(Text)),
        Choice => CorpusAnswer.Of(ChoiceRecognizer.Recognize(Text, offered).Choice?.Value),
        Number => CorpusAnswer.Of(NumberRecognizer.Recognize(Text)),
        Moment => CorpusAnswer.Of(DateTimeRecognizer.Recognize(Text, Now!.Value)),
        _ => throw new InvalidOperationException($"Unknown kind {Kind}."),
    };
}
