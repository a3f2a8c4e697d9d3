using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TriageBot.Dialogs.Triage;

/// <summary>
/// Where one report stands: what was answered, where the protocol is, what the bot is waiting for. Kept as JSON in the
/// triage dialog's instance, so it survives any number of turns, a restart, and another server taking the next turn.
/// Free text (reasons, the student reference) is not kept here: it goes to the incident log, encrypted.
/// </summary>
internal sealed class TriageState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public string IncidentId { get; set; } = string.Empty;

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The last turn that reached this report: a long gap means the member of staff is offered to carry on.</summary>
    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>Incident types the first message suggested, in detection order (shown first in the menu).</summary>
    public List<string> Candidates { get; set; } = [];

    /// <summary>
    /// The types the first message plainly told of, when it told of two or more, most urgent first: the menu names
    /// them, and those not reported here are offered as reports of their own at the end.
    /// </summary>
    public List<string> MentionedTogether { get; set; } = [];

    /// <summary>The answer to "is anyone in immediate danger right now?"; null until answered.</summary>
    public bool? Danger { get; set; }

    public bool EmergencyDeclared { get; set; }

    public bool EscalationRequested { get; set; }

    /// <summary>The staff member was told this kind of report is not sent to the duty lead.</summary>
    public bool EscalationWithheld { get; set; }

    public string? ProtocolId { get; set; }

    public bool ConfidentialityShown { get; set; }

    public StudentReferenceStatus StudentReference { get; set; }

    /// <summary>The protocol step in progress, or "end".</summary>
    public string? StepId { get; set; }

    /// <summary>Question steps: step id to answer id.</summary>
    public Dictionary<string, string> StepAnswers { get; set; } = [];

    /// <summary>Instruction steps: step id to done / not_possible / not_applicable.</summary>
    public Dictionary<string, string> Confirmations { get; set; } = [];

    /// <summary>Checklist id to (question id to answer id).</summary>
    public Dictionary<string, Dictionary<string, string>> ChecklistAnswers { get; set; } = [];

    /// <summary>Checklist id to result id.</summary>
    public Dictionary<string, string> ChecklistResults { get; set; } = [];

    /// <summary>Every answer in order, so "back" can undo the last one.</summary>
    public List<TriageMove> History { get; set; } = [];

    /// <summary>A typed reason the bot is waiting for (why a step was not possible, the parent contact reasoning).</summary>
    public PendingReason? Pending { get; set; }

    /// <summary>The member of staff came back after a long gap and has not yet said whether to carry on.</summary>
    public bool AwaitingResume { get; set; }

    /// <summary>Cancel was asked; the bot waits for the reason.</summary>
    public bool Cancelling { get; set; }

    public JsonNode ToJson() => JsonSerializer.SerializeToNode(this, Json)!;

    public static TriageState FromJson(JsonNode? node) =>
        node?.Deserialize<TriageState>(Json) ?? throw new InvalidOperationException("The triage dialog has no state.");
}

internal enum StudentReferenceStatus
{
    NotAsked,
    Given,
    Skipped,
}

/// <summary>One answer, as "back" undoes it: a type choice, the student reference, a step, or a checklist question.</summary>
/// <param name="ProtocolId">For a protocol switch: the protocol the report was following before it.</param>
internal sealed record TriageMove(TriageMoveKind Kind, string? StepId = null, string? ChecklistId = null, string? QuestionId = null, string? ProtocolId = null);

internal enum TriageMoveKind
{
    IncidentType,
    StudentReference,
    Step,
    ChecklistQuestion,

    /// <summary>An answer moved the report to another protocol (abuse by a member of staff to the staff-allegation route).</summary>
    ProtocolSwitch,
}

/// <summary>What a typed reason will be recorded against.</summary>
/// <param name="ChecklistId">For a checklist follow-up prompt: the checklist, its question and which of its prompts.</param>
internal sealed record PendingReason(
    PendingReasonKind Kind, string StepId, string Choice, string? Next, string? ChecklistId = null, string? QuestionId = null, int FollowUpIndex = 0);

internal enum PendingReasonKind
{
    /// <summary>An instruction could not be done: why.</summary>
    NotPossible,

    /// <summary>A question whose answers need the reasoning (parent/carer contact).</summary>
    AnswerReasoning,

    /// <summary>A checklist question's follow-up prompt after a "yes" (the ASQ's "If yes, how?").</summary>
    ChecklistFollowUp,
}
