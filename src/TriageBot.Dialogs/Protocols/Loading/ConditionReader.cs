using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>Reads answer conditions: <c>{ any_of: [q1, q2], answers: [yes, declined] }</c> or <c>all_of</c>.</summary>
internal static class ConditionReader
{
    public static IReadOnlyList<AnswerCondition> ReadList(YamlFields parent, string key, bool required)
    {
        var conditions = new List<AnswerCondition>();
        foreach (var item in parent.MapList(key, $"a condition under '{key}'", required))
        {
            var hasAny = item.Has("any_of");
            var hasAll = item.Has("all_of");
            if (hasAny == hasAll)
            {
                item.Errors.Add(item.Location, "a condition needs exactly one of 'any_of' or 'all_of' (a list of question ids)");
            }

            var mode = hasAll ? ConditionMode.All : ConditionMode.Any;
            var questions = item.Strings(hasAll ? "all_of" : "any_of", required: true).Select(q => q.Value).ToList();
            var answers = item.Strings("answers", required: true).Select(a => a.Value).ToList();
            item.RejectUnknownFields();
            conditions.Add(new AnswerCondition(mode, questions, answers, item.Location));
        }

        return conditions;
    }
}
