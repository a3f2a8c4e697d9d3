using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>Reads services.yaml: every service a referral rule may name.</summary>
internal static class ServicesReader
{
    public static IReadOnlyList<ReferralService> Read(YamlFields root, ParsedContent content)
    {
        var services = new List<ReferralService>();
        foreach (var item in root.MapList("services", "a service"))
        {
            var id = item.String("id");
            var name = item.String("name");
            var kind = item.Enum<ServiceKind>("kind");
            var contact = item.String("contact");
            var description = item.String("description");
            item.RejectUnknownFields();
            if (id is not null && name is not null && kind is not null && contact is not null && description is not null)
            {
                services.Add(new ReferralService(id, name, kind.Value, contact, description, item.Location));
            }
        }

        content.OtherSources.AddRange(SourcesReader.Read(root));
        return services;
    }
}
