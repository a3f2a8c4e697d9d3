using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Protocols.Scoring;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>Checks one checklist: scoring exists and covers every combination of answers; the ASQ is NIMH's, word for word.</summary>
internal static class ChecklistValidator
{
    /// <summary>Combinations beyond this are not enumerated (no real checklist comes near it).</summary>
    private const int MaxCombinations = 200_000;

    public static void Check(Checklist checklist, ContentErrors errors)
    {
        var before = errors.Count;
        if (checklist.Results.Count == 0)
        {
            errors.Add(checklist.Location, $"checklist '{checklist.Id}' has no scoring: add 'results' (each with id, label, level and when)");
        }

        if (checklist.Questions.Count == 0)
        {
            errors.Add(checklist.Location, $"checklist '{checklist.Id}' has no questions");
        }

        DuplicateIds.Check(checklist.Questions, q => q.Id, q => q.Location, "question", errors);
        DuplicateIds.Check(checklist.Results, r => r.Id, r => r.Location, "result", errors);
        foreach (var question in checklist.Questions)
        {
            DuplicateIds.Check(question.Options, o => o.Id, _ => question.Location, $"answer (question '{question.Id}')", errors);
            DuplicateIds.Check(question.FollowUps, f => f.Id, f => f.Location, $"follow-up (question '{question.Id}')", errors);
            if (question.FollowUps.Count > 0 && question.Options.All(o => o.Id != "yes"))
            {
                errors.Add(question.Location, $"question '{question.Id}' has follow-up prompts but no \"yes\" answer to ask them after");
            }

            var earlier = checklist.Questions.TakeWhile(q => q != question).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var condition in question.AskIf)
            {
                CheckCondition(checklist, condition, errors);
                foreach (var later in condition.Questions.Where(q => !earlier.Contains(q) && checklist.Question(q) is not null))
                {
                    errors.Add(condition.Location, $"'ask_if' of question '{question.Id}' refers to '{later}', which is not asked before it");
                }
            }
        }

        foreach (var result in checklist.Results)
        {
            if (result.When.Count == 0)
            {
                errors.Add(result.Location, $"result '{result.Id}' has no 'when' conditions");
            }

            foreach (var condition in result.When)
            {
                CheckCondition(checklist, condition, errors);
            }
        }

        if (errors.Count == before)
        {
            CheckEveryCombinationScores(checklist, errors);
        }

        if (checklist.Id == AsqReference.ChecklistId)
        {
            CheckAsq(checklist, errors);
        }
    }

    private static void CheckCondition(Checklist checklist, AnswerCondition condition, ContentErrors errors)
    {
        foreach (var questionId in condition.Questions)
        {
            var question = checklist.Question(questionId);
            if (question is null)
            {
                errors.Add(condition.Location, $"condition refers to unknown question '{questionId}' of checklist '{checklist.Id}'");
                continue;
            }

            foreach (var answer in condition.Answers.Where(a => question.Options.All(o => o.Id != a)))
            {
                errors.Add(condition.Location, $"condition refers to answer '{answer}', which question '{questionId}' does not offer");
            }
        }
    }

    private static void CheckEveryCombinationScores(Checklist checklist, ContentErrors errors)
    {
        var unscored = new List<string>();
        var count = 0;
        foreach (var answers in Combinations(checklist))
        {
            if (++count > MaxCombinations)
            {
                return;
            }

            if (ChecklistScorer.Score(checklist, answers).Result is null && unscored.Count < 3)
            {
                unscored.Add(string.Join(", ", answers.Select(a => $"{a.Key}={a.Value}")));
            }
        }

        foreach (var combination in unscored)
        {
            errors.Add(checklist.Location, $"checklist '{checklist.Id}' gives no result for the answers {combination}: add a result rule that covers them");
        }
    }

    /// <summary>Every complete set of answers, asking each question only when its ask_if holds.</summary>
    internal static IEnumerable<IReadOnlyDictionary<string, string>> Combinations(Checklist checklist)
    {
        IEnumerable<Dictionary<string, string>> Extend(int index, Dictionary<string, string> answers)
        {
            if (index == checklist.Questions.Count)
            {
                yield return answers;
                yield break;
            }

            var question = checklist.Questions[index];
            if (!question.IsAskedGiven(answers))
            {
                foreach (var done in Extend(index + 1, answers))
                {
                    yield return done;
                }

                yield break;
            }

            foreach (var option in question.Options)
            {
                var next = new Dictionary<string, string>(answers, StringComparer.Ordinal) { [question.Id] = option.Id };
                foreach (var done in Extend(index + 1, next))
                {
                    yield return done;
                }
            }
        }

        return Extend(0, new Dictionary<string, string>(StringComparer.Ordinal));
    }

    private static void CheckAsq(Checklist checklist, ContentErrors errors)
    {
        if (!checklist.ExactAnswers)
        {
            errors.Add(checklist.Location, "the ASQ must set 'exact_answers: true': a typed answer must be yes, no or did not want to answer, word for word, never read from a sentence");
        }

        var ids = checklist.Questions.Select(q => q.Id).ToList();
        if (!ids.SequenceEqual(AsqReference.QuestionIds, StringComparer.Ordinal))
        {
            errors.Add(checklist.Location, $"the ASQ must have exactly the questions {string.Join(", ", AsqReference.QuestionIds)}, in that order");
            return;
        }

        var wordingOk = true;
        for (var i = 0; i < AsqReference.QuestionTexts.Count; i++)
        {
            var question = checklist.Questions[i];
            if (!string.Equals(question.Text, AsqReference.QuestionTexts[i], StringComparison.Ordinal))
            {
                wordingOk = false;
                errors.Add(question.TextLocation ?? question.Location, $"ASQ question {question.Id} must read exactly as NIMH published it: \"{AsqReference.QuestionTexts[i]}\"");
            }

            var optionIds = question.Options.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
            if (!optionIds.SetEquals([AsqReference.Yes, AsqReference.No, AsqReference.Declined]))
            {
                wordingOk = false;
                errors.Add(question.Location, $"ASQ question {question.Id} must offer exactly the answers yes, no and declined");
            }
        }

        foreach (var question in checklist.Questions)
        {
            var expected = AsqReference.FollowUps.GetValueOrDefault(question.Id) ?? [];
            if (!question.FollowUps.Select(f => (f.Id, f.Text)).SequenceEqual(expected))
            {
                wordingOk = false;
                var wanted = expected.Count == 0 ? "none" : string.Join(", ", expected.Select(f => $"{f.Id}: \"{f.Text}\""));
                errors.Add(question.Location, $"ASQ question {question.Id} must have exactly the follow-up prompts NIMH prints under it ({wanted})");
            }
        }

        if (!wordingOk || checklist.Results.Count == 0)
        {
            return;
        }

        foreach (var (resultId, allowed) in new[]
        {
            (AsqReference.AcutePositiveId, new[] { ResponseLevel.EmergencyNow }),
            (AsqReference.NonAcutePositiveId, new[] { ResponseLevel.EmergencyNow, ResponseLevel.UrgentSameDay }),
        })
        {
            if (checklist.Result(resultId) is { } result && !allowed.Contains(result.Level))
            {
                errors.Add(result.Location, $"ASQ result '{resultId}' must have level {string.Join(" or ", allowed.Select(SnakeCase.From))}: NIMH requires a safety evaluation before the student leaves");
            }
        }

        var answers = new[] { AsqAnswer.Yes, AsqAnswer.No, AsqAnswer.Declined };
        var mismatches = 0;
        foreach (var q1 in answers)
        foreach (var q2 in answers)
        foreach (var q3 in answers)
        foreach (var q4 in answers)
        foreach (var q5 in answers)
        {
            var first4 = new[] { q1, q2, q3, q4 };
            var needsQ5 = AsqScorer.NeedsAcuityQuestion(first4);
            var given = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["q1"] = AsqReference.AnswerId(q1),
                ["q2"] = AsqReference.AnswerId(q2),
                ["q3"] = AsqReference.AnswerId(q3),
                ["q4"] = AsqReference.AnswerId(q4),
            };
            var asksQ5 = ChecklistScorer.NextQuestion(checklist, given)?.Id == "q5";
            if (needsQ5)
            {
                given["q5"] = AsqReference.AnswerId(q5);
            }

            var expected = AsqReference.ResultId(AsqScorer.Score(first4, needsQ5 ? q5 : null));
            var actual = ChecklistScorer.Score(checklist, given).Result?.Id ?? "(no result)";
            if ((asksQ5 != needsQ5 || actual != expected) && mismatches++ < 3)
            {
                var combination = string.Join(", ", given.Select(a => $"{a.Key}={a.Value}"));
                errors.Add(checklist.Location, asksQ5 != needsQ5
                    ? $"the ASQ must ask q5 {(needsQ5 ? "when" : "only when")} any of q1-q4 is yes or declined ({combination})"
                    : $"ASQ scoring differs from NIMH's for {combination}: gives '{actual}', NIMH gives '{expected}'");
            }
        }
    }
}
