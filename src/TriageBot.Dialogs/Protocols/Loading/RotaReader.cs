using System.Globalization;
using TriageBot.Dialogs.Rota;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>
/// Reads rota.yaml (<c>kind: rota</c>): time zone, school day, terms and closures, people, duty by weekday, out of
/// hours, designated leads and the safeguarding channel. Formats are checked here; references in <see cref="RotaValidator"/>.
/// </summary>
internal static class RotaReader
{
    public static DutyRota? Read(YamlFields root)
    {
        var zone = ReadZone(root);
        var day = root.Map("school_day", "the school day");
        var starts = day is null ? null : ReadTime(day, "from");
        var ends = day is null ? null : ReadTime(day, "to");
        day?.RejectUnknownFields();
        if (starts is { } from && ends is { } to && from >= to)
        {
            root.Errors.Add(root.LocationOf("school_day"), $"the school day must start before it ends ({from:HH\\:mm} is not before {to:HH\\:mm})");
        }

        var terms = ReadRanges(root, "terms", "a term", required: true);
        var closures = ReadRanges(root, "closures", "a closure", required: false);
        var people = root.MapList("people", "a person on the rota").Select(ReadPerson).OfType<RotaPerson>().ToList();
        var designated = root.Strings("designated_leads", required: true).Select(s => s.Value).ToList();
        var duty = root.MapList("duty", "a duty slot").Select(ReadSlot).OfType<DutySlot>().ToList();
        var outOfHoursFields = root.Map("out_of_hours", "out of hours");
        var outOfHours = outOfHoursFields is null ? null : ReadChain(outOfHoursFields);
        var instruction = outOfHoursFields?.String("instruction", required: false) ?? string.Empty;
        outOfHoursFields?.RejectUnknownFields();
        var channelFields = root.Map("safeguarding_channel", "the safeguarding channel");
        var channel = channelFields is null ? null : new SafeguardingChannel(
            channelFields.String("name") ?? string.Empty,
            channelFields.String("conversation_id", required: false),
            channelFields.Location);
        channelFields?.RejectUnknownFields();
        var sources = SourcesReader.Read(root);

        return zone is null || starts is null || ends is null || outOfHours is null || channel is null
            ? null
            : new DutyRota(zone, starts.Value, ends.Value, terms, closures, people, designated, duty, outOfHours, instruction, channel, sources, root.Location);
    }

    private static TimeZoneInfo? ReadZone(YamlFields root)
    {
        var id = root.String("timezone");
        if (id is null)
        {
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        root.Errors.Add(root.LocationOf("timezone"), $"unknown time zone '{id}'; use an IANA name such as Europe/London or America/New_York");
        return null;
    }

    private static TimeOnly? ReadTime(YamlFields fields, string key)
    {
        var text = fields.String(key);
        if (text is null)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        fields.Errors.Add(fields.LocationOf(key), $"'{key}' in {fields.What} must be a time such as 08:30, not '{text}'");
        return null;
    }

    private static List<DateRange> ReadRanges(YamlFields root, string key, string what, bool required)
    {
        var ranges = new List<DateRange>();
        foreach (var item in root.MapList(key, what, required))
        {
            var name = item.String("name");
            var from = ReadDate(item, "from");
            var to = ReadDate(item, "to");
            item.RejectUnknownFields();
            if (from is { } start && to is { } end && end < start)
            {
                item.Errors.Add(item.LocationOf("to"), $"{what} ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd})");
            }
            else if (name is not null && from is not null && to is not null)
            {
                ranges.Add(new DateRange(name, from.Value, to.Value, item.Location));
            }
        }

        return ranges;
    }

    private static DateOnly? ReadDate(YamlFields fields, string key)
    {
        var text = fields.String(key);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        fields.Errors.Add(fields.LocationOf(key), $"'{key}' in {fields.What} must be a date written 2026-09-03, not '{text}'");
        return null;
    }

    private static RotaPerson? ReadPerson(YamlFields item)
    {
        var id = item.String("id");
        var name = item.String("name");
        var role = item.String("role");
        var aad = item.String("aad_object_id", required: false);
        var email = item.String("email", required: false);
        var phone = item.String("phone", required: false);
        item.RejectUnknownFields();
        if (aad is null && email is null)
        {
            item.Errors.Add(item.Location, $"{name ?? id ?? "a person"} needs aad_object_id or email, so the bot can find them in Teams");
        }

        return id is null || name is null || role is null ? null : new RotaPerson(id, name, role, aad, email, phone, item.Location);
    }

    private static DutySlot? ReadSlot(YamlFields item)
    {
        var days = new List<DayOfWeek>();
        foreach (var (value, location) in item.Strings("days", required: true))
        {
            if (Enum.TryParse<DayOfWeek>(value, ignoreCase: true, out var day) && !int.TryParse(value, CultureInfo.InvariantCulture, out _))
            {
                days.Add(day);
            }
            else
            {
                item.Errors.Add(location, $"'{value}' is not a day of the week (monday ... sunday)");
            }
        }

        var chain = ReadChain(item);
        item.RejectUnknownFields();
        return chain is null ? null : new DutySlot(days, chain, item.Location);
    }

    private static DutyChain? ReadChain(YamlFields item)
    {
        var lead = item.String("lead");
        var deputies = item.Strings("deputies").Select(d => d.Value).ToList();
        return lead is null ? null : new DutyChain(lead, deputies, item.Location);
    }
}
