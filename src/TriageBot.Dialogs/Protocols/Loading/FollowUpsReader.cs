using System.Globalization;
using TriageBot.Dialogs.FollowUps;
using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>
/// Reads follow-ups.yaml (<c>kind: follow_ups</c>): the overdue rule, the daily digest time and the follow-up rules.
/// Formats are checked here; references to protocols, services and other rules in <see cref="FollowUpsValidator"/>.
/// </summary>
internal static class FollowUpsReader
{
    public static FollowUpPolicy? Read(YamlFields root)
    {
        var overdue = ReadDue(root, "overdue_escalates_after");
        var digestText = root.String("daily_digest_at");
        TimeOnly? digestAt = null;
        if (digestText is not null)
        {
            if (TimeOnly.TryParseExact(digestText, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                digestAt = parsed;
            }
            else
            {
                root.Errors.Add(root.LocationOf("daily_digest_at"), $"'daily_digest_at' must be a time such as 08:00, not '{digestText}'");
            }
        }

        var rules = root.MapList("follow_ups", "a follow-up rule").Select(ReadRule).OfType<FollowUpRule>().ToList();
        var sources = SourcesReader.Read(root);
        return overdue is null || digestAt is null ? null : new FollowUpPolicy(rules, overdue, digestAt.Value, sources, root.Location);
    }

    private static FollowUpRule? ReadRule(YamlFields fields)
    {
        var id = fields.String("id");
        var title = fields.String("title");
        var doneMeans = fields.String("done_means");
        var when = fields.Enum<FollowUpTrigger>("when");
        var owner = fields.Enum<FollowUpOwner>("owner");
        var due = ReadDue(fields, "due");
        var protocols = fields.Strings("protocols").Select(p => p.Value).ToList();
        var levels = new List<ResponseLevel>();
        foreach (var (text, location) in fields.Strings("levels"))
        {
            if (fields.ParseEnum<ResponseLevel>(text, location, "levels") is { } level)
            {
                levels.Add(level);
            }
        }

        var referrals = fields.Strings("referrals").Select(r => r.Value).ToList();
        var after = fields.String("after", required: false);
        fields.RejectUnknownFields();

        return id is null || title is null || doneMeans is null || when is null || owner is null || due is null
            ? null
            : new FollowUpRule(id, title, doneMeans, when.Value, protocols, levels, referrals, after, owner.Value, due, fields.Location);
    }

    private static FollowUpDue? ReadDue(YamlFields fields, string key)
    {
        var text = fields.String(key);
        if (text is null)
        {
            return null;
        }

        var due = FollowUpDue.Parse(text);
        if (due is null)
        {
            fields.Errors.Add(fields.LocationOf(key), $"'{key}' in {fields.What} is '{text}'; write a number and a unit: hours, school days, school weeks or weeks (e.g. '2 school days')");
        }

        return due;
    }
}
