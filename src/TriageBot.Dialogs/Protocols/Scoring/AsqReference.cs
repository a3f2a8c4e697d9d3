namespace TriageBot.Dialogs.Protocols.Scoring;

/// <summary>
/// The NIMH Ask Suicide-Screening Questions (public domain) as published in the ASQ toolkit, word for word.
/// protocols/checklists/asq.yaml must match these texts and this scoring; validation refuses content that does not,
/// so an edit can never change the instrument.
/// Source: https://www.nimh.nih.gov/research/research-conducted-at-nimh/asq-toolkit-materials
/// </summary>
public static class AsqReference
{
    public const string ChecklistId = "asq";

    public const string SourceUrl = "https://www.nimh.nih.gov/research/research-conducted-at-nimh/asq-toolkit-materials";

    public const string Question1 = "In the past few weeks, have you wished you were dead?";
    public const string Question2 = "In the past few weeks, have you felt that you or your family would be better off if you were dead?";
    public const string Question3 = "In the past week, have you been having thoughts about killing yourself?";
    public const string Question4 = "Have you ever tried to kill yourself?";
    public const string Question5 = "Are you having thoughts of killing yourself right now?";

    /// <summary>The prompts printed under questions 4 and 5 of the ASQ tool, asked after a "yes", with their ids in asq.yaml.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<(string Id, string Text)>> FollowUps { get; } =
        new Dictionary<string, IReadOnlyList<(string Id, string Text)>>(StringComparer.Ordinal)
        {
            ["q4"] = [("how", "If yes, how?"), ("when", "When?")],
            ["q5"] = [("describe", "If yes, please describe:")],
        };

    /// <summary>Question ids in asq.yaml, in order: q1 to q5.</summary>
    public static IReadOnlyList<string> QuestionIds { get; } = ["q1", "q2", "q3", "q4", "q5"];

    public static IReadOnlyList<string> QuestionTexts { get; } = [Question1, Question2, Question3, Question4, Question5];

    /// <summary>Answer ids in asq.yaml.</summary>
    public const string Yes = "yes";
    public const string No = "no";
    public const string Declined = "declined";

    /// <summary>Result ids in asq.yaml.</summary>
    public const string NegativeId = "negative";
    public const string NonAcutePositiveId = "non_acute_positive";
    public const string AcutePositiveId = "acute_positive";

    public static string ResultId(AsqResult result) => result switch
    {
        AsqResult.Negative => NegativeId,
        AsqResult.NonAcutePositive => NonAcutePositiveId,
        _ => AcutePositiveId,
    };

    public static string AnswerId(AsqAnswer answer) => answer switch
    {
        AsqAnswer.Yes => Yes,
        AsqAnswer.No => No,
        _ => Declined,
    };
}
