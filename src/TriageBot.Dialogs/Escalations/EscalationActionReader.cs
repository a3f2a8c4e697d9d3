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
    public const string AddReferralsKey = "addReferrals";
    public const string RemoveReferralsKey = "removeReferrals";

    /// <summary>The reason for changing the referrals (its own input: ids are unique on a card).</summary>
    public const string ReferralsReasonKey = "referralsReason";

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

        var referrals = Ids(data, ReferralsKey);
        var added = Ids(data, AddReferralsKey);
        var removed = Ids(data, RemoveReferralsKey);
        if (added.Concat(removed).Concat(referrals).FirstOrDefault(id => id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) is { } forged)
        {
            return EscalationActionReading.Refused($"a referral id '{(forged.Length > 64 ? forged[..64] + "..." : forged)}' is not a service id");
        }

        if (verb == EscalationVerb.AmendReferrals)
        {
            text = String(data, ReferralsReasonKey)?.Trim() ?? text;
            if (text is { Length: > MaxTextLength })
            {
                return EscalationActionReading.Refused($"'{ReferralsReasonKey}' is longer than {MaxTextLength} characters");
            }

            if (added.FirstOrDefault(removed.Contains) is { } both)
            {
                return EscalationActionReading.Refused($"'{AddReferralsKey}' and '{RemoveReferralsKey}' both name '{both}'");
            }
        }

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
            EscalationVerb.AmendReferrals when added.Count + removed.Count == 0 => $"choose a referral to add ('{AddReferralsKey}') or to remove ('{RemoveReferralsKey}')",
            EscalationVerb.AmendReferrals when string.IsNullOrEmpty(text) => $"a reason is needed to change the referrals ('{ReferralsReasonKey}')",
            EscalationVerb.Decline when string.IsNullOrEmpty(text) => "a reason is needed to decline",
            EscalationVerb.Ask when string.IsNullOrEmpty(text) => "type the question to ask",
            _ => null,
        };
        return missing is null
            ? EscalationActionReading.Read(new EscalationAction(id, verb, referrals, urgency, string.IsNullOrEmpty(text) ? null : text, added, removed))
            : EscalationActionReading.Refused(missing);
    }

    // Input.ChoiceSet with isMultiSelect sends the chosen values comma-separated.
    private static List<string> Ids(JsonObject data, string key) =>
        [.. (String(data, key) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    private static string? String(JsonObject data, string key) =>
        data[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}

/// <summary>The action, or why it was refused (shown to the lead, recorded, never the raw data).</summary>
public sealed record EscalationActionReading(EscalationAction? Action, string? Problem)
{
    public static EscalationActionReading Read(EscalationAction action) => new(action, null);

    public static EscalationActionReading Refused(string problem) => new(null, problem);
}
