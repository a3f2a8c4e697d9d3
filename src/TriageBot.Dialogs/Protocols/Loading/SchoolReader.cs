using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>Reads school.yaml: name, region, local contacts and the incident order.</summary>
internal static class SchoolReader
{
    public static SchoolSettings? Read(YamlFields root)
    {
        var name = root.String("name");
        var region = root.String("region");
        var contacts = new List<LocalContact>();
        foreach (var item in root.MapList("contacts", "a contact", required: false))
        {
            var id = item.String("id");
            var contactName = item.String("name");
            var value = item.String("value", required: false);
            item.RejectUnknownFields();
            if (id is not null && contactName is not null)
            {
                contacts.Add(new LocalContact(id, contactName, value, item.Location));
            }
        }

        var incidentOrder = root.Strings("incident_order");
        var sources = SourcesReader.Read(root);
        return name is null || region is null ? null : new SchoolSettings(name, region, contacts, sources, root.Location)
        {
            RegionLocation = root.LocationOf("region"),
            IncidentOrder = incidentOrder,
        };
    }
}
