using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>Reads a checklist file: questions with exact wording, answer options, conditions and scoring rules.</summary>
internal static class ChecklistReader
{
    public static Checklist? Read(YamlFields root)
    {
        var id = root.String("id");
        var title = root.String("title");
        var intro = root.String("intro", required: false) ?? string.Empty;
        var note = root.String("note", required: false) ?? string.Empty;
        var defaults = ReadOptions(root, "answers", required: false);
        var exactAnswers = root.Bool("exact_answers", fallback: false);

        var questions = new List<ChecklistQuestion>();
        foreach (var item in root.MapList("questions", "a checklist question"))
        {
            var questionId = item.String("id");
            var text = item.String("text");
            var options = item.Has("answers") ? ReadOptions(item, "answers", required: true) : defaults;
            if (options.Count == 0)
            {
                item.Errors.Add(item.Location, "the question has no answers: give 'answers' here or for the whole checklist");
            }

            var askIf = ConditionReader.ReadList(item, "ask_if", required: false);
            var followUps = item.MapList("follow_ups", "a follow-up prompt", required: false).Select(ReadFollowUp).OfType<ChecklistFollowUp>().ToList();
            item.RejectUnknownFields();
            if (questionId is not null && text is not null)
            {
                questions.Add(new ChecklistQuestion(questionId, text, options, askIf, item.Location)
                {
                    TextLocation = item.LocationOf("text"),
                    FollowUps = followUps,
                });
            }
        }

        var results = new List<ChecklistResultRule>();
        foreach (var item in root.MapList("results", "a checklist result", required: false))
        {
            var resultId = item.String("id");
            var label = item.String("label");
            var level = item.Enum<ResponseLevel>("level");
            var when = ConditionReader.ReadList(item, "when", required: true);
            var guidance = item.String("guidance", required: false) ?? string.Empty;
            item.RejectUnknownFields();
            if (resultId is not null && label is not null && level is not null)
            {
                results.Add(new ChecklistResultRule(resultId, label, level.Value, when, guidance, item.Location));
            }
        }

        var sources = SourcesReader.Read(root);
        return id is null || title is null
            ? null
            : new Checklist(id, title, intro, questions, results, note, sources, root.Location) { ExactAnswers = exactAnswers };
    }

    private static ChecklistFollowUp? ReadFollowUp(YamlFields item)
    {
        var id = item.String("id");
        var text = item.String("text");
        item.RejectUnknownFields();
        return id is null || text is null ? null : new ChecklistFollowUp(id, text, item.Location);
    }

    private static List<AnswerOption> ReadOptions(YamlFields parent, string key, bool required)
    {
        var options = new List<AnswerOption>();
        foreach (var item in parent.MapList(key, "an answer option", required))
        {
            var id = item.String("id");
            var label = item.String("label");
            var elapsedText = item.String("elapsed_minutes", required: false);
            var elapsed = elapsedText is null ? null : ElapsedRange.Parse(elapsedText);
            if (elapsedText is not null && elapsed is null)
            {
                item.Errors.Add(item.LocationOf("elapsed_minutes"), $"'elapsed_minutes' must be a range of minutes such as \"0-15\" or \"60+\", not \"{elapsedText}\"");
            }

            item.RejectUnknownFields();
            if (id is not null && label is not null)
            {
                options.Add(new AnswerOption(id, label, elapsed));
            }
        }

        return options;
    }
}
