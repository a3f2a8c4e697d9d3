using TriageBot.Dialogs.Protocols.Scoring;

namespace TriageBot.Dialogs.Tests.Protocols;

/// <summary>
/// The ASQ as the repository's content asks it, compared with the NIMH ASQ tool (youth version, public domain) as
/// published in the ASQ toolkit, https://www.nimh.nih.gov/research/research-conducted-at-nimh/asq-toolkit-materials
/// ("Ask the patient:" questions 1 to 4, the prompts printed under question 4, the acuity question and its prompt).
/// Checked so far: question 5 word for word against NIMH's BSSA guides (youth inpatient and adult emergency department,
/// nimh.nih.gov/research/research-conducted-at-nimh/asq-toolkit-materials/...); questions 1 to 4 only against copies of
/// the tool (all but one agree on "thoughts about"), the prompts against none. protocols/checklists/asq.yaml lists both
/// as unverified until the NIMH PDF is read.
/// </summary>
public sealed class AsqPublishedWordingTests
{
    // Quoted from the NIMH ASQ tool. Do not edit to make a test pass: edit the content, or prove the tool changed.
    private static readonly (string Id, string Text, string[] Prompts)[] Published =
    [
        ("q1", "In the past few weeks, have you wished you were dead?", []),
        ("q2", "In the past few weeks, have you felt that you or your family would be better off if you were dead?", []),
        ("q3", "In the past week, have you been having thoughts about killing yourself?", []),
        ("q4", "Have you ever tried to kill yourself?", ["If yes, how?", "When?"]),
        ("q5", "Are you having thoughts of killing yourself right now?", ["If yes, please describe:"]),
    ];

    [Fact]
    public void TheAsqThatStaffAreShown_IsWordForWordTheNimhTool_WithItsFollowUpPrompts()
    {
        var asq = RepositoryContent.Catalog.Checklist(AsqReference.ChecklistId)!;

        Assert.Equal(Published.Select(q => q.Id), asq.Questions.Select(q => q.Id));
        foreach (var (id, text, prompts) in Published)
        {
            var question = asq.Question(id)!;
            Assert.Equal(text, question.Text);
            Assert.Equal(prompts, question.FollowUps.Select(f => f.Text));
            Assert.Equal(["Yes", "No", "Did not want to answer"], question.Options.Select(o => o.Label));
        }
    }

    [Fact]
    public void TheReferenceThatValidationUses_HasTheSameWording()
    {
        Assert.Equal(Published.Select(q => q.Text), AsqReference.QuestionTexts);
        Assert.Equal(
            Published.Where(q => q.Prompts.Length > 0).Select(q => (q.Id, string.Join("|", q.Prompts))),
            AsqReference.FollowUps.Select(pair => (pair.Key, string.Join("|", pair.Value.Select(f => f.Text)))));
    }
}
