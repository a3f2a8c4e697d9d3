namespace TriageBot.Bench.Scenarios;

/// <summary>What a step sends: a typed message, a press on a card button, or the duty lead's press on the escalation card.</summary>
internal enum StepKind
{
    /// <summary>A message with text, as typed in Teams.</summary>
    Say,

    /// <summary>Action.Submit on the bot's last card: the button with this title is found and its data sent back.</summary>
    Press,

    /// <summary>The duty lead presses Approve (Action.Execute) on the escalation card they were sent (issue 4).</summary>
    LeadApproves,
}

/// <summary>Which arrival at the connector ends the report-to-card measurement of an escalating step.</summary>
internal enum ReportToCard
{
    /// <summary>Not an escalating step.</summary>
    None,

    /// <summary>Today: the bot's reply in the reporter's conversation saying the duty lead has been asked.</summary>
    NoticeToReporter,

    /// <summary>Issue 4: the escalation card's POST into a duty lead's own conversation with the bot.</summary>
    CardToLead,
}

/// <summary>
/// One turn of a scenario, written as a member of staff would do it. <see cref="Expect"/> is a piece of text one of the
/// bot's replies to this turn must contain (checked against TriageBot only; the floor just echoes).
/// </summary>
internal sealed record ScenarioStep(StepKind Kind, string Input, string? Expect = null, ReportToCard Escalation = ReportToCard.None)
{
    public static ScenarioStep Say(string text, string? expect = null) => new(StepKind.Say, text, expect);

    public static ScenarioStep Press(string buttonTitle, string? expect = null) => new(StepKind.Press, buttonTitle, expect);

    public static ScenarioStep LeadApproves() => new(StepKind.LeadApproves, "approve");

    /// <summary>This step's answer makes the bot escalate; report-to-card runs from sending it to <paramref name="arrival"/>.</summary>
    public ScenarioStep Escalates(ReportToCard arrival) => this with { Escalation = arrival };
}
