namespace TriageBot.Dialogs.Protocols.Model;

/// <summary>The crisis protocol for one kind of incident.</summary>
/// <param name="Triggers">Phrases that suggest this incident in free text (whole words, any case; a trailing * matches word beginnings).</param>
/// <param name="Start">The first step's id.</param>
/// <param name="Steps">Steps in the order they are written.</param>
/// <param name="ConfidentialityReminder">Remind staff of the limits of confidentiality at the start.</param>
/// <param name="NoReferralOutcome">What to tell staff when a path leads to universal support and no rule refers anywhere.</param>
/// <param name="ParentContactNotRelevant">Why this protocol has no parent/carer contact step, when it has none.</param>
public sealed record IncidentProtocol(
    string Id,
    string Title,
    IReadOnlyList<string> Triggers,
    string Start,
    IReadOnlyList<ProtocolStep> Steps,
    bool ConfidentialityReminder,
    IReadOnlyList<ReferralRule> Referrals,
    string? NoReferralOutcome,
    string? ParentContactNotRelevant,
    IReadOnlyList<SourceReference> Sources,
    ContentLocation Location)
{
    /// <summary>
    /// False for reports that may concern the duty lead themselves (an allegation about a member of staff): the bot never
    /// sends them a card; the protocol's own steps say whom to tell.
    /// </summary>
    public bool EscalatesToDutyLead { get; init; } = true;

    /// <summary>
    /// What the response level means for this protocol, instead of the region's words for it ("The DSL assesses
    /// today"), where those would be wrong: an allegation about staff may be about the DSL.
    /// </summary>
    public string? LevelSummary { get; init; }

    /// <summary>
    /// The protocol is about the student's own state (suicidal thoughts, self-harm ...): a message that tells it of a
    /// friend or sibling ("her friend is self-harming") is asked about rather than started. Off for abuse and violence,
    /// whose reports always name someone else.
    /// </summary>
    public bool AsksIfAboutSomeoneElse { get; init; }

    /// <summary>Pairs of phrases that suggest this incident only together ("Mr" with "touched").</summary>
    public IReadOnlyList<TriggerPair> TriggerPairs { get; init; } = [];

    /// <summary>
    /// Everyday phrases that contain a trigger but do not mean this incident ("missing lessons" for missing student):
    /// a trigger matched inside one of them does not count.
    /// </summary>
    public IReadOnlyList<string> NotTriggers { get; init; } = [];

    public ProtocolStep? Step(string id) => Steps.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));
}
