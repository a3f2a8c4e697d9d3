using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>Reads a region pack (regions/uk.yaml, regions/us.yaml).</summary>
internal static class RegionReader
{
    public static RegionPack? Read(YamlFields root)
    {
        var id = root.String("id");
        var name = root.String("name");
        var emergency = root.String("emergency_number");
        var emergencyInstruction = root.String("emergency_instruction");
        var confidentiality = root.String("confidentiality_reminder");
        var showTier = root.Bool("show_tier", fallback: false);

        var lines = new List<CrisisLine>();
        foreach (var item in root.MapList("crisis_lines", "a crisis line"))
        {
            var line = new CrisisLine(item.String("id") ?? "", item.String("name") ?? "", item.String("contact") ?? "", item.String("audience") ?? "", item.Location);
            item.RejectUnknownFields();
            lines.Add(line);
        }

        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value, location) in root.Pairs("roles", required: true))
        {
            if (value is null)
            {
                root.Errors.Add(location, $"role '{key}' has no name");
            }
            else
            {
                roles[key] = value;
            }
        }

        var agencies = new List<Agency>();
        foreach (var item in root.MapList("agencies", "an agency"))
        {
            var agency = new Agency(item.String("id") ?? "", item.String("name") ?? "", item.String("contact", required: false), item.Location);
            item.RejectUnknownFields();
            agencies.Add(agency);
        }

        var levels = new Dictionary<ResponseLevel, ResponseLevelText>();
        if (root.Map("response_levels", "response_levels") is { } levelMap)
        {
            foreach (var level in ResponseLevels.All)
            {
                var key = SnakeCase.From(level);
                if (levelMap.Map(key, $"response level '{key}'") is { } text)
                {
                    levels[level] = new ResponseLevelText(text.String("name") ?? "", text.String("summary") ?? "", text.Location);
                    text.RejectUnknownFields();
                }
            }

            levelMap.RejectUnknownFields();
        }

        var forbidden = root.Strings("forbidden_phrases").Select(p => p.Value).ToList();
        var sources = SourcesReader.Read(root);

        if (id is null || name is null || emergency is null || emergencyInstruction is null || confidentiality is null)
        {
            return null;
        }

        return new RegionPack(id, name, emergency, emergencyInstruction, confidentiality, showTier, lines, roles, agencies, levels, forbidden, sources, root.Location);
    }
}
