using System.Globalization;
using System.Text;

namespace TriageBot.Dialogs.Triage;

/// <summary>"Status": the open report in a few lines: type, started, level so far, duty lead asked or not, what is open.</summary>
internal static class TriageStatus
{
    public static string Describe(TriageTurn turn)
    {
        var started = TimeZoneInfo.ConvertTime(turn.State.StartedAt, turn.Context.Time.LocalTimeZone).ToString("HH:mm", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append("Open report: ").Append(turn.Protocol?.Title ?? "type not chosen yet").Append(", started ").Append(started).Append(".\n\n");
        text.Append("Response level so far: ")
            .Append(turn.LevelSoFar is { } level ? turn.Catalog.LevelName(level) : "not decided yet").Append(".\n\n");
        text.Append(turn.State.EscalationRequested
            ? $"The {turn.Catalog.Text("{role:duty_lead}")} has been asked for."
            : $"The {turn.Catalog.Text("{role:duty_lead}")} has not been asked for yet.");
        var open = TriageSummary.OpenItems(turn);
        if (open.Count > 0)
        {
            text.Append("\n\nStill open: ").Append(string.Join("; ", open)).Append('.');
        }

        return text.ToString();
    }
}
