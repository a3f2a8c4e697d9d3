using System.Globalization;
using System.Text.Json;
using TriageBot.Dialogs.Tests.Protocols;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Tests.Recognizers;

/// <summary>Corpus/corpus.json: the phrases, in file order, the choices offered for choice picks, and the reference moment.</summary>
internal sealed class RecognizerCorpus
{
    private static readonly Lazy<RecognizerCorpus> Loaded = new(() => Load(FilePath));

    private RecognizerCorpus(DateTimeOffset reference, IReadOnlyList<Choice> offered, IReadOnlyList<CorpusPhrase> phrases)
    {
        Reference = reference;
        Offered = offered;
        Phrases = phrases;
    }

    public static string Folder => Path.Combine(RepositoryContent.RepositoryRoot, "tests", "TriageBot.Dialogs.Tests", "Recognizers", "Corpus");

    public static string FilePath => Path.Combine(Folder, "corpus.json");

    public static RecognizerCorpus Instance => Loaded.Value;

    public DateTimeOffset Reference { get; }

    public IReadOnlyList<Choice> Offered { get; }

    public IReadOnlyList<CorpusPhrase> Phrases { get; }

    public IEnumerable<CorpusPhrase> OfKind(string kind) => Phrases.Where(p => p.Kind == kind);

    private static RecognizerCorpus Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var reference = Moment(root.GetProperty("reference").GetString());
        var offered = root.GetProperty("choices").GetProperty("offered").EnumerateArray()
            .Select(c => new Choice(c.GetProperty("value").GetString()!, c.GetProperty("title").GetString()!))
            .ToList();

        var phrases = new List<CorpusPhrase>();
        phrases.AddRange(Entries(root.GetProperty("yesNo"), CorpusPhrase.YesNo, reference, e => CorpusAnswer.Of(e.ValueKind == JsonValueKind.Null ? null : e.GetBoolean())));
        phrases.AddRange(Entries(root.GetProperty("choices").GetProperty("phrases"), CorpusPhrase.Choice, reference, e => CorpusAnswer.Of(e.GetString())));
        phrases.AddRange(Entries(root.GetProperty("numbers"), CorpusPhrase.Number, reference, e => CorpusAnswer.Of(e.ValueKind == JsonValueKind.Null ? null : e.GetDecimal())));
        phrases.AddRange(Entries(root.GetProperty("moments"), CorpusPhrase.Moment, reference,
            e => e.ValueKind == JsonValueKind.Null ? CorpusAnswer.None : CorpusAnswer.Of(DateTime.ParseExact(e.GetString()!, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture))));
        return new RecognizerCorpus(reference, offered, phrases);
    }

    private static IEnumerable<CorpusPhrase> Entries(JsonElement array, string kind, DateTimeOffset reference, Func<JsonElement, string> expected) =>
        array.EnumerateArray().Select(entry =>
        {
            var own = entry.TryGetProperty("now", out var now);
            return new CorpusPhrase(
                kind,
                entry.GetProperty("text").GetString()!,
                kind == CorpusPhrase.Moment ? (own ? Moment(now.GetString()) : reference) : null,
                own,
                expected(entry.GetProperty("expected")));
        });

    private static DateTimeOffset Moment(string? text) =>
        DateTimeOffset.ParseExact(text!, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
