using System.Globalization;
using System.Text;
using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Protocols.Referrals;
using TriageBot.Dialogs.Triage.Phases;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Dialogs.Triage;

/// <summary>
/// The end of a report: incident type, response level and what it means, what was done and not done, the referrals
/// (who acts, by when, why), and what is still open: as a card (cards/incident-summary.json) and as plain lines for
/// clients that cannot show one.
/// </summary>
internal static class TriageSummary
{
    public static BotReply Reply(TriageTurn turn, ReferralPlan plan) =>
        new(Build(turn, plan), Title: $"Summary: {turn.Protocol!.Title}", Card: Card(turn, plan));

    public static IncidentSummaryCardContent Card(TriageTurn turn, ReferralPlan plan)
    {
        var catalog = turn.Catalog;
        var reportedAt = TimeZoneInfo.ConvertTime(turn.State.StartedAt, turn.Context.Time.LocalTimeZone).ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture);
        return new IncidentSummaryCardContent(
            turn.Protocol!.Title,
            catalog.LevelName(plan.Level),
            catalog.LevelSummary(plan.Level, turn.Protocol!),
            plan.Level == ResponseLevel.EmergencyNow,
            reportedAt,
            turn.Input.User.Name,
            StepsWith(turn, ConfirmIds.Done),
            [.. plan.Referrals.Select(r => new IncidentSummaryReferral(r.ServiceName, Urgencies.Text(r.Urgency), r.WhoActsName, r.Why))],
            plan.Referrals.Count == 0 ? plan.NoReferralOutcome : null,
            OpenItems(turn));
    }

    public static string Build(TriageTurn turn, ReferralPlan plan)
    {
        var protocol = turn.Protocol!;
        var catalog = turn.Catalog;
        var text = new StringBuilder();
        text.Append("**Summary: ").Append(protocol.Title).Append("**\n\n");
        text.Append("Response level: ").Append(catalog.LevelName(plan.Level)).Append(". ").Append(catalog.LevelSummary(plan.Level, protocol)).Append("\n\n");

        var done = StepsWith(turn, ConfirmIds.Done);
        if (done.Count > 0)
        {
            text.Append("Done: ").Append(string.Join("; ", done)).Append("\n\n");
        }

        if (plan.Referrals.Count > 0)
        {
            text.Append("Referrals:\n");
            foreach (var referral in plan.Referrals)
            {
                text.Append("- ").Append(referral.ServiceName).Append(", ").Append(Urgencies.Text(referral.Urgency))
                    .Append(", by ").Append(referral.WhoActsName).Append(": ").Append(referral.Why).Append('\n');
            }

            text.Append('\n');
        }
        else if (plan.NoReferralOutcome is { } none)
        {
            text.Append(none).Append("\n\n");
        }

        var open = OpenItems(turn);
        text.Append(open.Count > 0 ? "Still open: " + string.Join("; ", open) + "." : "Nothing is left open.");
        return text.ToString().TrimEnd();
    }

    /// <summary>What the member of staff still has to do or give, for the summary and for status.</summary>
    public static List<string> OpenItems(TriageTurn turn)
    {
        var open = StepsWith(turn, ConfirmIds.NotPossible).Select(step => $"not possible: {step}").ToList();
        if (turn.State.StudentReference != StudentReferenceStatus.Given)
        {
            open.Add("the student's initials and year group, or pupil ID");
        }

        return open;
    }

    // The first sentence of each instruction is enough to recognise it.
    private static List<string> StepsWith(TriageTurn turn, string outcome) => turn.State.Confirmations
        .Where(pair => pair.Value == outcome)
        .Select(pair => turn.Protocol!.Step(pair.Key))
        .OfType<ProtocolStep>()
        .Select(step => FirstSentence(turn.Catalog.Text(step.Text)))
        .ToList();

    public static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? text[..end] : text.TrimEnd('.');
    }
}
