using System.Text.Json.Nodes;
using TriageBot.Dialogs.Recognizers;
using TriageBot.Dialogs.Runtime;

namespace TriageBot.Dialogs.Prompts;

/// <summary>A moment, relative to the turn's clock ("10 minutes ago", "at 2:15"). The result is an ISO-8601 string.</summary>
public sealed class DateTimePrompt(string id, PromptValidator<DateTimeOffset>? validator = null) : Prompt<DateTimeOffset>(id, validator)
{
    protected override string DefaultRetryPrompt => "Please give a time, for example \"10 minutes ago\" or \"at 2:15\".";

    protected override (bool Recognized, DateTimeOffset Value) Recognize(DialogContext context, PromptOptions options) =>
        DateTimeRecognizer.Recognize(context.Input.Text, context.Time.GetLocalNow()) is { } moment ? (true, moment) : (false, default);

    protected override JsonNode? ToJson(DateTimeOffset value) =>
        JsonValue.Create(value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
}
