using System.Globalization;
using System.Text.Json;
using TriageBot.Dialogs.Recognizers;

namespace TriageBot.Dialogs.Tests.Recognizers;

/// <summary>
/// Turns what the suite found in each phrase into one answer, the way a bot built on it would read it, so it can be
/// compared with ours:
/// <list type="bullet">
/// <item>yes/no: the first boolean entity's value, as the Bot Framework confirm prompt takes it.</item>
/// <item>number: the first number entity.</item>
/// <item>choice: the first ordinal entity as a position; without one, the first number entity; a position outside the
/// offered choices picks nothing (the suite reads "last" as ordinal 0, not knowing how many choices there are).</item>
/// <item>moment: the first datetimeV2.datetime or datetimeV2.time entity (a date, a range or a duration is no moment;
/// an entity without a resolution is "unresolved"). The suite lists every reading of an ambiguous time and leaves the
/// choice to the caller. When it names the day, the most recent reading not after now is taken, else the earliest. A
/// time of day comes without a date, so the day is placed by ours' rule (<see cref="DateTimeRecognizer.Place"/>):
/// one reading is a time with am/pm known, two (2:15 and 14:15) a time without. Such phrases therefore compare the
/// time of day and its readings, not the choice of day.</item>
/// </list>
/// </summary>
internal static class SuiteAnswers
{
    public const string Unresolved = "unresolved";

    /// <summary>The suite's answers, one per corpus phrase, in corpus order.</summary>
    public static IReadOnlyList<string> For(RecognizerCorpus corpus, SuiteOutput suite)
    {
        var answers = new List<string>();
        answers.AddRange(suite.YesNo.Select(r => YesNo(r.Boolean)));
        answers.AddRange(suite.Choices.Select(r => Choice(r, corpus)));
        answers.AddRange(suite.Numbers.Select(r => Number(r.Number)));
        answers.AddRange(suite.Moments.Select(Moment));

        var texts = corpus.Phrases.Select(p => p.Text).ToList();
        var suiteTexts = suite.YesNo.Select(r => r.Text).Concat(suite.Choices.Select(r => r.Text))
            .Concat(suite.Numbers.Select(r => r.Text)).Concat(suite.Moments.Select(r => r.Text)).ToList();
        if (!texts.SequenceEqual(suiteTexts))
        {
            throw new InvalidOperationException("recognize.js answered other phrases than the corpus holds.");
        }

        return answers;
    }

    private static string YesNo(IReadOnlyList<SuiteOutput.Entity> entities) =>
        entities.Count == 0 ? CorpusAnswer.None : CorpusAnswer.Of(entities[0].Value.GetBoolean());

    private static string Number(IReadOnlyList<SuiteOutput.Entity> entities)
    {
        if (entities.Count == 0)
        {
            return CorpusAnswer.None;
        }

        // A value the suite could not compute ("NAN" for "7 out of 10") is shown as it came.
        var text = entities[0].Value.ValueKind == JsonValueKind.String ? entities[0].Value.GetString()! : entities[0].Value.ToString();
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? CorpusAnswer.Of(number) : text;
    }

    private static string Choice(SuiteOutput.ChoiceResult result, RecognizerCorpus corpus)
    {
        var found = result.Ordinal.Count > 0 ? result.Ordinal[0] : result.Number.Count > 0 ? result.Number[0] : null;
        if (found is null)
        {
            return CorpusAnswer.None;
        }

        var position = decimal.TryParse(found.Value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p : 0;
        return position == decimal.Truncate(position) && position >= 1 && position <= corpus.Offered.Count
            ? corpus.Offered[(int)position - 1].Value
            : CorpusAnswer.None;
    }

    private static string Moment(SuiteOutput.MomentResult result)
    {
        var now = DateTimeOffset.ParseExact(result.Now, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var entity = result.DateTime.FirstOrDefault(e => e.Type is "datetimeV2.datetime" or "datetimeV2.time");
        if (entity is null)
        {
            return CorpusAnswer.None;
        }

        if (entity.Values is not { Count: > 0 } values || values.Any(v => v.Value is null))
        {
            return Unresolved;
        }

        var dated = values.Select(v => DateTime.TryParseExact(v.Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : (DateTime?)null).ToList();
        if (dated.All(d => d is not null))
        {
            // The suite named the day; only am or pm may be open: the most recent reading not after now, else the earliest.
            var readings = dated.Select(d => d!.Value).ToList();
            var past = readings.Where(r => r <= now.DateTime).ToList();
            return CorpusAnswer.Of(past.Count > 0 ? past.Max() : readings.Min());
        }

        // A time of day without a date: the day is the caller's choice, so ours' rule places it.
        var times = values.Select(v => TimeSpan.ParseExact(v.Value!, @"hh\:mm\:ss", CultureInfo.InvariantCulture)).ToList();
        var time = times.Count == 1
            ? new ClockTime(times[0].Hours, times[0].Minutes, HalfDayKnown: true)
            : times.Count == 2 && times[0].Minutes == times[1].Minutes && (times[0].Hours + 12) % 24 == times[1].Hours
                ? new ClockTime(times[0].Hours % 12 == 0 ? 12 : times[0].Hours % 12, times[0].Minutes, HalfDayKnown: false)
                : throw new InvalidOperationException($"Unexpected readings for \"{result.Text}\": {string.Join(", ", values.Select(v => v.Value))}");
        return CorpusAnswer.Of(DateTimeRecognizer.Place(time, day: null, now));
    }
}
