using System.Text;
using System.Text.Json.Nodes;
using TriageBot.Cards.Templating;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Cards;

/// <summary>
/// The card for one of the dialogs' replies. A reply that says which card it is (<see cref="BotReply.Card"/>) is drawn
/// with its template: a step with cards/step.json, a screening question with cards/checklist-question.json, the end of a
/// report with cards/incident-summary.json, "status" with cards/staff-status.json. Any other reply with choices (the
/// welcome menu) is a <see cref="ChoiceCard"/>; one with neither is sent as text (null here). Should a template ever
/// fail to bind, the plain choice card (or the text) goes instead: a member of staff in a crisis always gets their
/// buttons. The card's fallbackText is the reply's own text, for clients that cannot show cards.
/// </summary>
public sealed partial class ReplyCards(CardTemplateLibrary templates, ILogger<ReplyCards> logger)
{
    public const string StepTemplate = "step";
    public const string ChecklistQuestionTemplate = "checklist-question";
    public const string IncidentSummaryTemplate = "incident-summary";
    public const string StaffStatusTemplate = "staff-status";

    /// <returns>The Adaptive Card, or null when the reply goes as text.</returns>
    public JsonObject? Build(BotReply reply)
    {
        if (reply.Card is { } content)
        {
            var (template, data) = Describe(content);
            var bound = templates.Get(template).Bind(data);
            if (bound.IsComplete)
            {
                bound.Card["fallbackText"] = FallbackText(reply);
                return bound.Card;
            }

            LogIncomplete(template, bound.MissingValues[0].JsonPath);
        }

        return reply.HasChoices ? ChoiceCard.Build(reply) : null;
    }

    /// <summary>The template for a kind of card and its data, in the shape the template's README row gives.</summary>
    public static (string Template, JsonObject Data) Describe(ReplyCardContent content) => content switch
    {
        StepCardContent step => (StepTemplate, new JsonObject
        {
            ["protocolTitle"] = step.Heading,
            ["note"] = step.Note ?? string.Empty,
            ["text"] = step.Text,
            ["answers"] = Answers(step.Answers),
            ["offersBack"] = step.OffersBack,
        }),
        ChecklistQuestionCardContent question => (ChecklistQuestionTemplate, new JsonObject
        {
            ["checklistTitle"] = question.ChecklistTitle,
            ["questionNumber"] = question.QuestionNumber,
            ["note"] = question.Note ?? string.Empty,
            ["intro"] = question.Intro ?? string.Empty,
            ["question"] = question.Question,
            ["answers"] = Answers(question.Answers),
            ["offersBack"] = question.OffersBack,
        }),
        IncidentSummaryCardContent summary => (IncidentSummaryTemplate, new JsonObject
        {
            ["incidentType"] = summary.IncidentType,
            ["level"] = new JsonObject { ["name"] = summary.LevelName, ["summary"] = summary.LevelSummary, ["isEmergency"] = summary.IsEmergency },
            ["reportedAt"] = summary.ReportedAt,
            ["reportedBy"] = summary.ReportedBy ?? string.Empty,
            ["done"] = Texts(summary.Done),
            ["referrals"] = new JsonArray([.. summary.Referrals.Select(r => (JsonNode)new JsonObject
            {
                ["service"] = r.Service,
                ["urgency"] = r.Urgency,
                ["whoActs"] = r.WhoActs,
                ["why"] = r.Why,
            })]),
            ["noReferralOutcome"] = summary.NoReferralOutcome ?? string.Empty,
            ["openItems"] = Texts(summary.OpenItems),
        }),
        StaffStatusCardContent status => (StaffStatusTemplate, new JsonObject
        {
            ["incidentType"] = status.IncidentType ?? string.Empty,
            ["startedAt"] = status.StartedAt,
            ["currentStep"] = status.CurrentStep,
            ["levelSoFar"] = status.LevelSoFar ?? string.Empty,
            ["lead"] = new JsonObject { ["role"] = status.LeadRole, ["asked"] = status.LeadAsked, ["withheld"] = status.LeadWithheld },
            ["openItems"] = Texts(status.OpenItems),
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(content), content.GetType().Name, "no template draws this kind of card"),
    };

    /// <summary>
    /// What a client that cannot show the card shows instead: the reply's text and its answers, which can be typed
    /// (back and emergency work typed too). Markdown emphasis is dropped: fallbackText is plain text.
    /// </summary>
    private static string FallbackText(BotReply reply)
    {
        var text = new StringBuilder(reply.Text.Replace("**", string.Empty, StringComparison.Ordinal));
        if (reply.HasChoices)
        {
            text.Append("\n\nAnswer: ").Append(string.Join(", ", reply.Choices!.Select(c => c.Title))).Append('.');
        }

        return text.ToString();
    }

    private static JsonArray Answers(IReadOnlyList<Choice> answers) =>
        new([.. answers.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]);

    private static JsonArray Texts(IReadOnlyList<string> texts) => new([.. texts.Select(t => (JsonNode)JsonValue.Create(t))]);

    [LoggerMessage(1901, LogLevel.Error, "The card template {Template} left a value missing at {JsonPath}; the reply goes as a plain card or text")]
    private partial void LogIncomplete(string template, string jsonPath);
}
