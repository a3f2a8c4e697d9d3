using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>Parses one YAML file and reads it by its <c>kind</c>: school, region, services, checklist, protocol, rota or follow-ups.</summary>
internal static partial class ContentFileReader
{
    public const string KindSchool = "school";
    public const string KindRegion = "region";
    public const string KindServices = "services";
    public const string KindChecklist = "checklist";
    public const string KindProtocol = "protocol";
    public const string KindRota = "rota";
    public const string KindFollowUps = "follow_ups";

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex YamlMarkPrefix();

    public static void Read(ContentFile file, ParsedContent content, ContentErrors errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(file.Text));
        }
        catch (YamlException ex)
        {
            var message = YamlMarkPrefix().Replace(ex.Message, string.Empty);
            errors.Add(file.Path, (int)ex.Start.Line, (int)ex.Start.Column, $"YAML syntax error: {message}");
            return;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            errors.Add(file.Path, 1, 1, "the file must hold one set of 'name: value' fields, starting with 'kind:'");
            return;
        }

        var root = new YamlFields(file.Path, map, "the file", errors);
        switch (root.String("kind"))
        {
            case KindSchool:
                if (SchoolReader.Read(root) is { } school)
                {
                    content.Schools.Add(school);
                }

                break;
            case KindRegion:
                if (RegionReader.Read(root) is { } region)
                {
                    content.Regions.Add(region);
                }

                break;
            case KindServices:
                content.Services.AddRange(ServicesReader.Read(root, content));
                break;
            case KindChecklist:
                if (ChecklistReader.Read(root) is { } checklist)
                {
                    content.Checklists.Add(checklist);
                }

                break;
            case KindProtocol:
                if (ProtocolReader.Read(root) is { } protocol)
                {
                    content.Protocols.Add(protocol);
                }

                break;
            case KindRota:
                if (RotaReader.Read(root) is { } rota)
                {
                    content.Rotas.Add(rota);
                }

                break;
            case KindFollowUps:
                if (FollowUpsReader.Read(root) is { } followUps)
                {
                    content.FollowUps.Add(followUps);
                }

                break;
            case { } other:
                errors.Add(root.LocationOf("kind"), $"unknown kind '{other}'; expected one of: {KindSchool}, {KindRegion}, {KindServices}, {KindChecklist}, {KindProtocol}, {KindRota}, {KindFollowUps}");
                return;
            default:
                return;
        }

        root.RejectUnknownFields();
    }
}
