using System.Text.Json.Nodes;
using TriageBot.Dialogs.Protocols.Loading;
using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Escalations;

/// <summary>
/// Reads the data an escalation card sends back (Action.Execute data, or Action.Submit value in clients without
/// Universal Actions) and refuses anything malformed or forged with a message naming the field. Whether the escalation
/// exists, is still open and the person may decide is for the store and the rota to say, not for this reader.
/// </summary>
public static class EscalationActionReader
{
    public const string EscalationIdKey = "escalationId";
    public const string VerbKey = "verb";
    public const string ReferralsKey = "referrals";
    public const string UrgencyKey = "urgency";
    public const string TextKey = "text";

    /// <summary>The longest reason or question kept; a card input beyond this is refused rather than cut.</summary>
    public const int MaxTextLength = 2000;

    public static EscalationActionReading Read(JsonObject? data, string? verbFromAction = null)
    {
        if (data is null)
        {
            return EscalationActionReading.Refused("the card sent no data");
        }

        if (String(data, EscalationIdKey) is not { Length: > 0 and <= 64 } id || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return EscalationActionReading.Refused($"'{EscalationIdKey}' is missing or not an escalation id");
        }

        var verbText = verbFromAction ?? String(data, VerbKey);
        if (verbText is null || !SnakeCase.TryParse<EscalationVerb>(verbText, out var verb))
        {
            return EscalationActionReading.Refused($"'{VerbKey}' is missing or unknown (expected one of: {SnakeCase.Names<EscalationVerb>()})");
        }

        var text = String(data, TextKey)?.Trim();
        if (text is { Length: > MaxTextLength })
        {
            return EscalationActionReading.Refused($"'{TextKey}' is longer than {MaxTextLength} characters");
        }

        var referrals = (String(data, ReferralsKey) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
        Urgency? urgency = null;
        if (String(data, UrgencyKey) is { Length: > 0 } urgencyText)
        {
            if (!SnakeCase.TryParse<Urgency>(urgencyText, out var parsed))
            {
                return EscalationActionReading.Refused($"'{UrgencyKey}' is '{urgencyText}' (expected one of: {SnakeCase.Names<Urgency>()})");
            }

            urgency = parsed;
        }

        var missing = verb switch
        {
            EscalationVerb.ApproveSelected when referrals.Count == 0 => "tick at least one referral to approve",
            EscalationVerb.Amend when urgency is null => $"'{UrgencyKey}' is needed to amend",
            EscalationVerb.Decline when string.IsNullOrEmpty(text) => "a reason is needed to decline",
            EscalationVerb.Ask when string.IsNullOrEmpty(text) => "type the question to ask",
            _ => null,
        };
        return missing is null
            ? EscalationActionReading.Read(new EscalationAction(id, verb, referrals, urgency, string.IsNullOrEmpty(text) ? null : text))
            : EscalationActionReading.Refused(missing);
    }

    private static string? String(JsonObject data, string key) =>
        data[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}

/// <summary>The action, or why it was refused (shown to the lead, recorded, never the raw data).</summary>
public sealed record EscalationActionReading(EscalationAction? Action, string? Problem)
{
    public static EscalationActionReading Read(EscalationAction action) => new(action, null);

    public static EscalationActionReading Refused(string problem) => new(null, problem);
}
