using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Protocols.Scoring;

namespace TriageBot.Dialogs.Tests.Protocols;

/// <summary>
/// All 3^5 combinations of yes / no / declined, asked the way the dialog asks them (question 5 only when required),
/// against NIMH's rules written out here independently of the code under test.
/// </summary>
public sealed class AsqScoringTests
{
    private static readonly string[] Answers = ["yes", "no", "declined"];

    public static TheoryData<string, string, string, string, string> AllCombinations()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var q1 in Answers)
        foreach (var q2 in Answers)
        foreach (var q3 in Answers)
        foreach (var q4 in Answers)
        foreach (var q5 in Answers)
        {
            data.Add(q1, q2, q3, q4, q5);
        }

        return data;
    }

    /// <summary>NIMH: all "no" to 1-4 is negative; any "yes" or refusal is positive; then 5 decides acuity.</summary>
    private static (bool AsksQ5, string Result) Nimh(string q1, string q2, string q3, string q4, string q5)
    {
        var positive = new[] { q1, q2, q3, q4 }.Any(a => a is "yes" or "declined");
        if (!positive)
        {
            return (false, "negative");
        }

        return (true, q5 == "no" ? "non_acute_positive" : "acute_positive");
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void YamlChecklist_AskedInOrder_GivesNimhsResult(string q1, string q2, string q3, string q4, string q5)
    {
        var checklist = RepositoryContent.Catalog.Checklist("asq")!;
        var planned = new Dictionary<string, string> { ["q1"] = q1, ["q2"] = q2, ["q3"] = q3, ["q4"] = q4, ["q5"] = q5 };
        var given = new Dictionary<string, string>();
        var asked = new List<string>();

        // Ask as the dialog would: next question, answer it, until there is none.
        while (ChecklistScorer.NextQuestion(checklist, given) is { } question)
        {
            asked.Add(question.Id);
            given[question.Id] = planned[question.Id];
        }

        var (asksQ5, expected) = Nimh(q1, q2, q3, q4, q5);
        Assert.Equal(asksQ5 ? ["q1", "q2", "q3", "q4", "q5"] : ["q1", "q2", "q3", "q4"], asked);

        var outcome = ChecklistScorer.Score(checklist, given);
        Assert.True(outcome.IsComplete);
        Assert.Equal(expected, outcome.Result!.Id);
        Assert.Equal(
            expected switch { "acute_positive" => ResponseLevel.EmergencyNow, "non_acute_positive" => ResponseLevel.UrgentSameDay, _ => ResponseLevel.UniversalSupport },
            outcome.Result.Level);
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void AsqScorer_GivesNimhsResult(string q1, string q2, string q3, string q4, string q5)
    {
        static AsqAnswer Parse(string a) => a switch { "yes" => AsqAnswer.Yes, "no" => AsqAnswer.No, _ => AsqAnswer.Declined };
        var first4 = new[] { Parse(q1), Parse(q2), Parse(q3), Parse(q4) };
        var (asksQ5, expected) = Nimh(q1, q2, q3, q4, q5);

        Assert.Equal(asksQ5, AsqScorer.NeedsAcuityQuestion(first4));
        Assert.Equal(expected, AsqReference.ResultId(AsqScorer.Score(first4, asksQ5 ? Parse(q5) : null)));
    }

    [Fact]
    public void Questions_AreWordForWordAsNimhPublishesThem()
    {
        var checklist = RepositoryContent.Catalog.Checklist("asq")!;

        Assert.Equal(
            [
                "In the past few weeks, have you wished you were dead?",
                "In the past few weeks, have you felt that you or your family would be better off if you were dead?",
                "In the past week, have you been having thoughts about killing yourself?",
                "Have you ever tried to kill yourself?",
                "Are you having thoughts of killing yourself right now?",
            ],
            checklist.Questions.Select(q => q.Text));
        Assert.Contains("Clinical judgement can always override a negative screen", checklist.Note, StringComparison.Ordinal);
        Assert.Contains(checklist.Sources, s => s.Url?.StartsWith("https://www.nimh.nih.gov/", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void PositiveScreen_WithoutQuestion5_IsIncomplete_NotNegative()
    {
        var checklist = RepositoryContent.Catalog.Checklist("asq")!;
        var given = new Dictionary<string, string> { ["q1"] = "no", ["q2"] = "declined", ["q3"] = "no", ["q4"] = "no" };

        var outcome = ChecklistScorer.Score(checklist, given);

        Assert.False(outcome.IsComplete);
        Assert.Equal(["q5"], outcome.Unanswered);
        Assert.Throws<ArgumentException>(() => AsqScorer.Score([AsqAnswer.No, AsqAnswer.Declined, AsqAnswer.No, AsqAnswer.No], null));
    }

    [Fact]
    public void AnAnswerToQuestion5_WhenNotRequired_DoesNotChangeANegativeScreen()
    {
        var checklist = RepositoryContent.Catalog.Checklist("asq")!;
        var given = new Dictionary<string, string> { ["q1"] = "no", ["q2"] = "no", ["q3"] = "no", ["q4"] = "no", ["q5"] = "yes" };

        Assert.Equal("negative", ChecklistScorer.Score(checklist, given).Result!.Id);
    }
}
