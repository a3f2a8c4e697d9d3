using TriageBot.Dialogs.Protocols;

namespace TriageBot.Dialogs.Triage;

/// <summary>
/// What the triage conversation says around the school's content. Short and plain: staff read these with a
/// distressed student in front of them. Nothing here may promise confidentiality or label risk (tests check every
/// reply against the region's forbidden phrases).
/// </summary>
internal sealed class TriageTexts(ProtocolCatalog catalog)
{
    private string DutyLead => catalog.Text("{role:duty_lead}");

    public string DangerQuestion { get; init; } = "Is anyone in immediate danger right now?";

    public string DangerRetry { get; init; } = "Please answer yes or no. If you are not sure, say yes.";

    public static string SoundsLike(string title) => $"This sounds like: {title}.";

    /// <summary>Said when an answer moves the report to another protocol.</summary>
    public static string Switched(string title) => $"This report now follows the steps for: {title}. What you answered so far is kept.";

    public string TypeMenu { get; init; } = "What is happening? Choose the closest.";

    public string TypeMenuWithCandidates { get; init; } = "It may be one of these. Choose the closest.";

    /// <summary>The menu when one message told of several incidents: both named, the more urgent first.</summary>
    public static string TypeMenuForSeveral(IReadOnlyList<string> titles) =>
        $"Your message tells of more than one thing: {string.Join("; ", titles)}. Choose what to report first (the more urgent is first). You can report the other straight after.";

    /// <summary>At the end of a report, for each other incident the first message told of.</summary>
    public static string AlsoMentioned(string title) =>
        $"You also told me about: {title}. If that is a separate concern, report it now.";

    public static string ReportAlsoMentionedButton(string title) => $"Report: {title}";

    public string TypeMenuRetry { get; init; } = "Please choose the closest one below, or type emergency if anyone is in danger.";

    public string StudentReferenceQuestion { get; init; } =
        "Which student? Type their initials and year group or grade (for example JB Y9) or their pupil ID. Do not type their name.";

    public string StudentReferenceLooksLikeName { get; init; } =
        "Please do not type a name. Use initials and year group or grade (for example JB Y9) or the pupil ID, or press Skip for now.";

    public string StudentReferenceUnreadable { get; init; } =
        "I could not read that. Type initials and year group or grade (for example JB Y9) or the pupil ID, or press Skip for now.";

    public string StudentReferenceSkipped { get; init; } = "Skipped. Give the student's initials and year group or grade to the duty lead later.";

    public string NotPossibleWhy { get; init; } = "What stopped you? A few words are enough. This goes on the record.";

    public string ReasoningWhy { get; init; } = "Why? Write your reasoning in a few words. It goes on the record either way.";

    public string ReasonRetry { get; init; } = "Please type a few words.";

    public string CancelWhy { get; init; } =
        "Why are you cancelling this report? For example: started by mistake, or someone else is reporting it. The report is kept, marked as cancelled.";

    public string CancelledWithReason { get; init; } = "Report cancelled. It stays on the record as cancelled, with your reason.";

    public string CancelledWithoutReason { get; init; } = "Report cancelled. It stays on the record as cancelled, without a reason.";

    public string ExactAnswerRetry { get; init; } =
        "Please press a button, or type exactly yes, no or did not want to answer. Your words are kept on the record.";

    /// <summary>Read back after a typed checklist answer, so a misreading is seen at once (back undoes it).</summary>
    public static string Recorded(string label) => $"Recorded: {label}.";

    public string StaleButton { get; init; } = "That button was for an earlier question. Here is the current one.";

    public string Retry { get; init; } = "Please choose one of the options below, or type back, status or emergency.";

    public string NothingToGoBackTo { get; init; } = "There is nothing to go back to.";

    public static string ResumeOffer(string title, string since) => $"Welcome back. Your report ({title}) from {since} is still open. Carry on where you left off?";

    public string ResumeRetry { get; init; } = "Please choose: carry on with the report, or cancel it.";

    public string EmergencyInstruction => catalog.EmergencyInstruction;

    /// <summary>
    /// Said with an urgent escalation: the card is on its way to the lead on duty, but in an emergency nobody should
    /// wait for the bot, so staff are told to get the lead themselves too.
    /// </summary>
    public string EscalationNotice(DateTimeOffset now)
    {
        var lead = Rota.DutyResolver.OnDuty(catalog.Rota, now).Lead;
        return $"I am sending this report to {lead.Name} ({lead.Role}), on duty now. Do not wait for a reply here: if you need them, get them yourself. {catalog.Text("{contact:duty_lead}")}.";
    }

    /// <summary>Said when a finished, less urgent report goes to the lead for their decision on the referrals.</summary>
    public string ForDecisionNotice(DateTimeOffset now)
    {
        var lead = Rota.DutyResolver.OnDuty(catalog.Rota, now).Lead;
        return $"I am sending this report to {lead.Name} ({lead.Role}) to decide on the referrals. You will hear back here.";
    }

    public string AlreadyEscalated => $"The {DutyLead} has already been asked for. If you cannot wait, get them yourself or call {catalog.Region.EmergencyNumber} if anyone is in danger.";

    public string NotSentToDutyLead => $"This report is not sent to the {DutyLead}, because it may concern a member of staff. Follow the steps: they say whom to tell. If anyone is in immediate danger, call {catalog.Region.EmergencyNumber}.";

    public string CarryOn { get; init; } = "When you can, carry on below.";


    public string ConfidentialityReminder => catalog.ConfidentialityReminder;
}
