using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>
/// Reads an incident protocol. A step says what it is by its main field: <c>do</c> (an instruction to confirm),
/// <c>ask</c> (a question with answers) or <c>checklist</c> (a checklist to run).
/// </summary>
internal static class ProtocolReader
{
    private static readonly string[] StepKindFields = ["do", "ask", "checklist"];

    private static readonly IReadOnlyList<ConfirmOption> AllConfirmOptions = [ConfirmOption.Done, ConfirmOption.NotPossible, ConfirmOption.NotApplicable];

    public static IncidentProtocol? Read(YamlFields root)
    {
        var id = root.String("id");
        var title = root.String("title");
        var triggers = root.Strings("triggers", required: true).Select(t => t.Value).ToList();
        var pairs = root.MapList("trigger_pairs", "a trigger pair", required: false).Select(ReadPair).OfType<TriggerPair>().ToList();
        var notTriggers = root.Strings("not_triggers", required: false).Select(t => t.Value).ToList();
        var reminder = root.Bool("confidentiality_reminder", fallback: false);
        var start = root.String("start", required: false);
        var steps = root.MapList("steps", "a step").Select(ReadStep).OfType<ProtocolStep>().ToList();
        var referrals = root.MapList("referrals", "a referral rule").Select(ReadReferral).OfType<ReferralRule>().ToList();
        var noReferral = root.String("no_referral_outcome", required: false);
        var parentNotRelevant = root.String("parent_contact_not_relevant", required: false);
        var escalates = root.Bool("escalate_to_duty_lead", fallback: true);
        var levelSummary = root.String("level_summary", required: false);
        var asksIfSomeoneElse = root.Bool("ask_if_about_someone_else", fallback: false);
        var sources = SourcesReader.Read(root);

        if (id is null || title is null)
        {
            return null;
        }

        return new IncidentProtocol(
            id, title, triggers, start ?? steps.FirstOrDefault()?.Id ?? ProtocolStep.End, steps, reminder, referrals,
            noReferral, parentNotRelevant, sources, root.Location)
        {
            EscalatesToDutyLead = escalates,
            LevelSummary = levelSummary,
            AsksIfAboutSomeoneElse = asksIfSomeoneElse,
            TriggerPairs = pairs,
            NotTriggers = notTriggers,
        };
    }

    private static TriggerPair? ReadPair(YamlFields item)
    {
        var first = item.Strings("first", required: true).Select(t => t.Value).ToList();
        var with = item.Strings("with", required: true).Select(t => t.Value).ToList();
        item.RejectUnknownFields();
        return first.Count == 0 || with.Count == 0 ? null : new TriggerPair(first, with, item.Location);
    }

    private static ProtocolStep? ReadStep(YamlFields item)
    {
        var id = item.String("id");
        var kinds = StepKindFields.Where(item.Has).ToList();
        if (kinds.Count != 1)
        {
            item.Errors.Add(item.Location, $"step '{id}' needs exactly one of 'do' (an instruction), 'ask' (a question) or 'checklist'");
        }

        var kind = kinds.FirstOrDefault() switch
        {
            "ask" => StepKind.Question,
            "checklist" => StepKind.Checklist,
            _ => StepKind.Action,
        };

        var text = kind switch
        {
            StepKind.Action => item.String("do"),
            StepKind.Question => item.String("ask"),
            _ => item.String("say", required: false) ?? string.Empty,
        };
        var checklistId = kind == StepKind.Checklist ? item.String("checklist") : null;

        var confirm = AllConfirmOptions;
        if (item.Has("confirm"))
        {
            confirm = item.Strings("confirm", required: true)
                .Select(c => item.ParseEnum<ConfirmOption>(c.Value, c.Location, "confirm"))
                .OfType<ConfirmOption>()
                .Distinct()
                .ToList();
        }

        var next = item.String("next", required: false);
        var answers = item.MapList("answers", "an answer", required: false).Select(ReadAnswer).OfType<StepAnswer>().ToList();
        var onResult = item.Pairs("on_result")
            .Where(p => p.Value is not null)
            .ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
        var parentContact = item.Bool("parent_contact", fallback: false);
        var byDanger = item.Strings("answered_by_danger_question").ToList();
        foreach (var (value, location) in byDanger.Where(d => d.Value is not ("yes" or "no")))
        {
            item.Errors.Add(location, $"'answered_by_danger_question' lists answers of the danger question, \"yes\" or \"no\", not \"{value}\"");
        }

        if (byDanger.Count > 0 && (kind != StepKind.Question || byDanger.Any(d => answers.All(a => a.Id != d.Value))))
        {
            item.Errors.Add(item.LocationOf("answered_by_danger_question"), $"step '{id}' is answered by the danger question, so it must be a question with the same answers (\"yes\", \"no\")");
        }

        item.RejectUnknownFields();

        if (kind != StepKind.Question && answers.Count > 0)
        {
            item.Errors.Add(item.LocationOf("answers"), $"step '{id}' has 'answers' but is not a question ('ask')");
        }

        if (kind == StepKind.Question && next is not null)
        {
            item.Errors.Add(item.LocationOf("next"), $"question step '{id}' has 'next': each answer says where it goes");
        }

        if (kind != StepKind.Checklist && onResult.Count > 0)
        {
            item.Errors.Add(item.LocationOf("on_result"), $"step '{id}' has 'on_result' but runs no checklist");
        }

        return id is null || text is null
            ? null
            : new ProtocolStep(id, kind, text, confirm, next, answers, checklistId, onResult, parentContact, item.Location)
            {
                NextLocation = item.Has("next") ? item.LocationOf("next") : null,
                TextLocation = item.LocationOf(kind switch { StepKind.Action => "do", StepKind.Question => "ask", _ => "say" }),
                ChecklistLocation = checklistId is null ? null : item.LocationOf("checklist"),
                AnsweredByDangerQuestion = byDanger.Select(d => d.Value).ToList(),
            };
    }

    private static StepAnswer? ReadAnswer(YamlFields item)
    {
        var id = item.String("id");
        var label = item.String("label");
        var switchTo = item.String("switch_to", required: false);
        var next = item.String("next", required: switchTo is null);
        var level = item.Enum<ResponseLevel>("level", required: false);
        var askReason = item.Bool("ask_reason", fallback: false);
        if (switchTo is not null && next is not null)
        {
            item.Errors.Add(item.LocationOf("next"), $"answer '{id}' has both 'next' and 'switch_to': an answer that switches protocol goes nowhere else");
        }

        if (switchTo is not null && askReason)
        {
            item.Errors.Add(item.LocationOf("ask_reason"), $"answer '{id}' switches protocol, so it cannot wait for a reason ('ask_reason')");
        }

        item.RejectUnknownFields();
        return id is null || label is null || (next is null && switchTo is null)
            ? null
            : new StepAnswer(id, label, next ?? ProtocolStep.End, level, askReason, item.Location)
            {
                SwitchTo = switchTo,
                SwitchToLocation = switchTo is null ? null : item.LocationOf("switch_to"),
            };
    }

    private static ReferralRule? ReadReferral(YamlFields item)
    {
        var service = item.String("service");
        var levels = item.Strings("levels")
            .Select(l => item.ParseEnum<ResponseLevel>(l.Value, l.Location, "levels"))
            .OfType<ResponseLevel>()
            .ToList();
        var answers = ReadTable(item, "answers");
        var checklistResults = ReadTable(item, "checklist_results");
        var regions = item.Strings("regions").Select(r => r.Value).ToList();
        var why = item.String("why");
        var urgency = item.Enum<Urgency>("urgency");
        var who = item.Enum<Actor>("who_acts");
        item.RejectUnknownFields();

        return service is null || why is null || urgency is null || who is null
            ? null
            : new ReferralRule(service, levels, answers, checklistResults, regions, why, urgency.Value, who.Value, item.Location)
            {
                ServiceLocation = item.LocationOf("service"),
            };
    }

    private static Dictionary<string, string> ReadTable(YamlFields item, string key)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v, location) in item.Pairs(key))
        {
            if (v is null)
            {
                item.Errors.Add(location, $"'{k}' under '{key}' has no value");
            }
            else
            {
                table[k] = v;
            }
        }

        return table;
    }
}
