namespace TriageBot.Dialogs.Incidents;

/// <summary>The kinds of <see cref="IncidentEvent"/>, as stored. Never rename one: stored chronologies use them.</summary>
public static class IncidentEventTypes
{
    /// <summary>A report was started (how: free text, menu, emergency).</summary>
    public const string Started = "incident.started";

    /// <summary>The answer to "is anyone in immediate danger right now?".</summary>
    public const string DangerAnswered = "danger.answered";

    /// <summary>Someone said it is an emergency; the emergency instruction was shown.</summary>
    public const string EmergencyDeclared = "emergency.declared";

    /// <summary>The incident type was chosen or confirmed.</summary>
    public const string TypeChosen = "incident.type_chosen";

    /// <summary>The student reference (initials and year group, or pupil id) was given, or skipped.</summary>
    public const string StudentReference = "student.reference";

    /// <summary>The limits of confidentiality were shown to the member of staff.</summary>
    public const string ConfidentialityReminded = "confidentiality.reminded";

    /// <summary>An instruction step was confirmed: done, not possible (with why), or not applicable.</summary>
    public const string StepConfirmed = "step.confirmed";

    /// <summary>A question step was answered (with the reasoning when the step asks for it).</summary>
    public const string QuestionAnswered = "question.answered";

    /// <summary>One checklist question was answered.</summary>
    public const string ChecklistAnswered = "checklist.answered";

    /// <summary>
    /// Words typed for a checklist question that takes exact answers (the ASQ) that are not one of its answers: kept
    /// (encrypted) and the question asked again.
    /// </summary>
    public const string ChecklistWordsTyped = "checklist.words_typed";

    /// <summary>What was typed for a checklist question's follow-up prompt ("If yes, how?"), kept encrypted; or that the student did not say.</summary>
    public const string ChecklistFollowUpAnswered = "checklist.follow_up_answered";

    /// <summary>A checklist was scored.</summary>
    public const string ChecklistScored = "checklist.scored";

    /// <summary>The member of staff went back a step; later answers on the new path supersede.</summary>
    public const string WentBack = "step.went_back";

    /// <summary>The response level and the referrals decided at the end of the protocol.</summary>
    public const string Assessed = "incident.assessed";

    /// <summary>The duty lead is asked to act (emergency, or the response level calls for it).</summary>
    public const string EscalationRequested = "escalation.requested";

    /// <summary>The protocol was finished; the summary was shown.</summary>
    public const string Completed = "incident.completed";

    /// <summary>The report was cancelled, with the reason given.</summary>
    public const string Cancelled = "incident.cancelled";

    /// <summary>The member of staff came back to an open report after a break.</summary>
    public const string Resumed = "incident.resumed";

    /// <summary>The reason typed for an earlier answer (why a step was not possible, the parent contact reasoning).</summary>
    public const string ReasonGiven = "reason.given";
}
