using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace TriageBot.Outcomes;

/// <summary>
/// The outcomes as one self-contained HTML page for leads: three bar charts drawn as inline SVG by the server (reports
/// by type, minutes to the lead's decision by level, follow-ups on time or not) and the table behind them. No scripts
/// and nothing fetched, so it opens anywhere and prints.
/// </summary>
public static class OutcomesPage
{
    private const int ChartWidth = 640;
    private const int BarHeight = 22;
    private const int LabelWidth = 260;

    public static string Render(OutcomeReport report, string schoolName, TimeZoneInfo zone)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Safeguarding outcomes</title><style>")
            .Append("body{font-family:Segoe UI,Arial,sans-serif;margin:24px;color:#222;max-width:900px}h1{font-size:1.5em}h2{font-size:1.15em;margin-top:28px}")
            .Append("table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left}td.n{text-align:right}")
            .Append("svg text{font-size:12px;fill:#222}.note{color:#555;font-size:.9em}</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>Safeguarding outcomes: {Encode(schoolName)}</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"note\">Reports opened from {Day(report.From, zone)} to {Day(report.To.AddTicks(-1), zone)}: <strong>{report.Incidents}</strong>. ")
            .Append(CultureInfo.InvariantCulture, $"Made {Day(report.GeneratedAt, zone)}. Counts and times only; no student is named.</p>");

        var byType = report.Groups.GroupBy(g => g.IncidentType).Select(g => (g.Key, (double)g.Sum(x => x.Incidents))).ToList();
        html.Append("<h2>Reports by incident type</h2>").Append(Bars("reports-by-type", byType, "#3b6fb6", value => value.ToString("0", CultureInfo.InvariantCulture)));

        var byLevel = report.Groups.Where(g => g.Decided > 0).GroupBy(g => g.Level)
            .Select(g => (Level(g.Key) + " (median)", g.Max(x => x.MinutesToDecisionMedian ?? 0)))
            .Concat(report.Groups.Where(g => g.Decided > 0).GroupBy(g => g.Level).Select(g => (Level(g.Key) + " (90th percentile)", g.Max(x => x.MinutesToDecisionP90 ?? 0))))
            .OrderBy(b => b.Item1, StringComparer.Ordinal)
            .ToList();
        html.Append("<h2>Minutes from asking the duty lead to their decision</h2>")
            .Append(byLevel.Count == 0 ? "<p class=\"note\">No decisions in this period.</p>" : Bars("minutes-to-decision", byLevel, "#c0504d", value => value.ToString("0.#", CultureInfo.InvariantCulture) + " min"));

        var f = report.FollowUps;
        html.Append("<h2>Follow-ups</h2>").Append(Bars(
            "follow-ups",
            [("Done on time", f.DoneOnTime), ("Done late", f.DoneLate), ("Open and overdue", f.OpenOverdue), ("Open, not yet due", f.OpenNotYetDue)],
            "#4f9a52",
            value => value.ToString("0", CultureInfo.InvariantCulture)));

        html.Append("<h2>By type and level</h2><table><thead><tr><th>Incident type</th><th>Level</th><th>Reports</th><th>Asked the lead</th><th>Decided</th><th>Median min</th><th>90th pct min</th></tr></thead><tbody>");
        foreach (var group in report.Groups)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(group.IncidentType)}</td><td>{Encode(Level(group.Level))}</td><td class=\"n\">{group.Incidents}</td><td class=\"n\">{group.Escalated}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{group.Decided}</td><td class=\"n\">{Minutes(group.MinutesToDecisionMedian)}</td><td class=\"n\">{Minutes(group.MinutesToDecisionP90)}</td></tr>");
        }

        html.Append("</tbody></table>");
        html.Append("<h2>Follow-ups by rule</h2><table><thead><tr><th>Rule</th><th>On time</th><th>Late</th><th>Overdue</th><th>Not yet due</th></tr></thead><tbody>");
        foreach (var rule in report.ByRule)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(rule.RuleId)}</td><td class=\"n\">{rule.FollowUps.DoneOnTime}</td><td class=\"n\">{rule.FollowUps.DoneLate}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{rule.FollowUps.OpenOverdue}</td><td class=\"n\">{rule.FollowUps.OpenNotYetDue}</td></tr>");
        }

        html.Append("</tbody></table></body></html>");
        return html.ToString();
    }

    /// <summary>A horizontal bar chart: one labelled bar per value, scaled to the largest.</summary>
    private static string Bars(string id, IReadOnlyList<(string Label, double Value)> bars, string colour, Func<double, string> format)
    {
        var height = Math.Max(1, bars.Count) * (BarHeight + 6) + 6;
        var max = bars.Count == 0 ? 1 : Math.Max(1, bars.Max(b => b.Value));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" role=\"img\" aria-label=\"{Encode(id.Replace('-', ' '))}\" width=\"{ChartWidth}\" height=\"{height}\" viewBox=\"0 0 {ChartWidth} {height}\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = 6 + i * (BarHeight + 6);
            var width = (int)Math.Round((ChartWidth - LabelWidth - 70) * value / max);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 15}\">{Encode(label)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{LabelWidth}\" y=\"{y}\" width=\"{Math.Max(width, 1)}\" height=\"{BarHeight}\" fill=\"{colour}\"><title>{Encode(label)}: {Encode(format(value))}</title></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + Math.Max(width, 1) + 6}\" y=\"{y + 15}\">{Encode(format(value))}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Level(string level) => level.Replace('_', ' ');

    private static string Minutes(double? minutes) => minutes?.ToString("0.#", CultureInfo.InvariantCulture) ?? "–";

    private static string Day(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
