namespace TriageBot.Dialogs.Protocols.Scoring;

/// <summary>
/// NIMH's ASQ scoring, in code, as the reference the YAML checklist is checked against:
/// "no" to all of 1-4 is a negative screen and question 5 is not asked; a "yes" to any of 1-4, or a refusal to
/// answer, is a positive screen and question 5 is asked: "yes" is an acute positive screen (imminent risk identified),
/// "no" a non-acute positive screen (potential risk identified).
/// NIMH does not say what a refusal of question 5 means; counting it as "yes" (acute) follows the rule that a declined
/// answer counts as positive and errs on the side of the student's safety.
/// </summary>
public static class AsqScorer
{
    /// <summary>Whether question 5 (acuity) must be asked after questions 1-4.</summary>
    public static bool NeedsAcuityQuestion(IReadOnlyList<AsqAnswer> questions1To4)
    {
        ArgumentNullException.ThrowIfNull(questions1To4);
        if (questions1To4.Count != 4)
        {
            throw new ArgumentException("The ASQ has four screening questions before the acuity question.", nameof(questions1To4));
        }

        return questions1To4.Any(answer => answer != AsqAnswer.No);
    }

    /// <param name="questions1To4">Answers to questions 1 to 4.</param>
    /// <param name="question5">The answer to question 5; required exactly when <see cref="NeedsAcuityQuestion"/> is true.</param>
    public static AsqResult Score(IReadOnlyList<AsqAnswer> questions1To4, AsqAnswer? question5)
    {
        if (!NeedsAcuityQuestion(questions1To4))
        {
            return AsqResult.Negative;
        }

        return question5 switch
        {
            null => throw new ArgumentException("A positive screen needs the answer to question 5 (acuity).", nameof(question5)),
            AsqAnswer.No => AsqResult.NonAcutePositive,
            _ => AsqResult.AcutePositive,
        };
    }
}
