namespace TriageBot.Bench.Scenarios;

/// <summary>
/// The benchmark's conversation: a whole suicidal-thoughts report with an acute positive ASQ screen, the path of
/// TriageConversationTests.AWholeSuicideReport_WithAnAcutePositiveAsq_EndsWithEmergencyNowAndItsReferrals, sent over
/// HTTP as a member of staff in Teams would (typed answers and card presses).
/// </summary>
internal static class TriageScenario
{
    /// <summary>
    /// The steps of one report. THIS LIST IS THE ONE PLACE that says how far a report goes and where report-to-card
    /// ends. Since the escalation card to the duty lead (issue 4) is in the bot, it is:
    /// <list type="bullet">
    /// <item>the ASQ q5 step <see cref="ReportToCard.CardToLead"/>: report-to-card ends when the escalation card's POST
    /// reaches a duty lead's own conversation (the bench opens a 1:1 chat for every person in protocols/rota.yaml first,
    /// so the bot can find whoever is on duty);</item>
    /// <item><see cref="ScenarioStep.LeadApproves"/> at the end: the lead presses Approve on that card.</item>
    /// </list>
    /// Before issue 4 the ASQ q5 step was <see cref="ReportToCard.NoticeToReporter"/> (the bot's reply telling the
    /// reporter the lead had been asked) and there was no approval step; both still work, for comparing builds.
    /// </summary>
    public static IReadOnlyList<ScenarioStep> Steps { get; } =
    [
        ScenarioStep.Say("a year 9 girl told me she wants to die"),
        ScenarioStep.Say("no", expect: "Which student?"),                    // anyone in immediate danger?
        ScenarioStep.Say("JB Y9", expect: "Stay with the student."),         // the student reference
        ScenarioStep.Say("done"),
        ScenarioStep.Say("no", expect: "have you wished you were dead?"),
        ScenarioStep.Say("yes"),                                             // ASQ q1
        ScenarioStep.Say("no"),                                              // ASQ q2
        ScenarioStep.Say("no"),                                              // ASQ q3
        ScenarioStep.Say("no", expect: "thoughts of killing yourself right now?"), // ASQ q4
        ScenarioStep.Press("Yes", expect: "Acute positive screen")            // ASQ q5: acute, the duty lead is needed now
            .Escalates(ReportToCard.CardToLead),                              // before issue 4: ReportToCard.NoticeToReporter
        ScenarioStep.Say("done"),                                            // the emergency instruction
        ScenarioStep.Say("done"),                                            // fetch the lead
        ScenarioStep.Press("Yes or maybe. Do not contact home; the duty lead decides", expect: "Why?"),
        ScenarioStep.Say("dad's temper, she is scared of him"),
        ScenarioStep.Say("done"),                                            // record
        ScenarioStep.Say("done", expect: "Summary: Suicidal thoughts"),      // helplines; the summary ends the report
        ScenarioStep.LeadApproves(),                                         // the duty lead approves, on the card (before issue 4: no such step)
    ];

    /// <summary>
    /// How the bot's reply that says the duty lead was asked begins (<see cref="ReportToCard.NoticeToReporter"/>), in
    /// the wordings the bot has had: before issue 4, and with it (naming the lead on duty).
    /// </summary>
    public static IReadOnlyList<string> EscalationNoticeMarkers { get; } =
    [
        "I have recorded that the designated safeguarding lead",
        "I have sent this report to",
        "I am sending this report to",
    ];

    public static bool NeedsLeads => Steps.Any(s => s.Escalation == ReportToCard.CardToLead || s.Kind == StepKind.LeadApproves);
}
