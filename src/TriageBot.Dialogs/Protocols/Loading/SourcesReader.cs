using TriageBot.Dialogs.Protocols.Model;

namespace TriageBot.Dialogs.Protocols.Loading;

/// <summary>
/// Reads a file's required <c>sources:</c> list (content without a stated source is refused) and its optional
/// <c>unverified:</c> list: facts in the file not yet confirmed against a primary source, each listed by validate.
/// </summary>
internal static class SourcesReader
{
    public static IReadOnlyList<SourceReference> Read(YamlFields root)
    {
        foreach (var (fact, location) in root.Strings("unverified"))
        {
            root.Errors.AddUnverified(location, fact);
        }

        if (!root.Has("sources"))
        {
            root.Errors.Add(root.Location, "the file has no 'sources' list: say where its content comes from (title and url or publication)");
            root.MapList("sources", "sources", required: false);
            return [];
        }

        var sources = new List<SourceReference>();
        foreach (var item in root.MapList("sources", "a source"))
        {
            var title = item.String("title");
            var url = item.String("url", required: false);
            var publication = item.String("publication", required: false);
            item.RejectUnknownFields();
            if (url is null && publication is null)
            {
                item.Errors.Add(item.Location, "a source needs a 'url' or a 'publication'");
            }
            else if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                item.Errors.Add(item.LocationOf("url"), $"the source url '{url}' is not a full address (https://...)");
            }

            if (title is not null)
            {
                sources.Add(new SourceReference(title, url, publication));
            }
        }

        return sources;
    }
}
