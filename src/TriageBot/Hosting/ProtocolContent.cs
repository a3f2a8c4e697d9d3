using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Protocols.Loading;

namespace TriageBot.Hosting;

/// <summary>
/// Loads and checks the school's crisis content once, when the host is built. Content with any mistake is never
/// served: the start stops with <see cref="InvalidProtocolContentException"/>, which lists every mistake as file:line.
/// </summary>
public static class ProtocolContent
{
    public static ProtocolCatalog Load(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var folder = FolderFor(configuration.GetSection(ProtocolOptions.SectionName).Get<ProtocolOptions>()?.Folder, environment.ContentRootPath);
        if (!Directory.Exists(folder))
        {
            throw new InvalidProtocolContentException(folder, [$"{folder}: no such folder. Set Protocols:Folder to the folder that holds school.yaml."]);
        }

        var result = ProtocolCatalogLoader.LoadFolder(folder);
        return result.Catalog
            ?? throw new InvalidProtocolContentException(folder, result.Errors.Select(error => error.ToString()).ToList());
    }

    public static string FolderFor(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        var inContentRoot = Path.Combine(contentRoot, "protocols");
        return Directory.Exists(inContentRoot) ? inContentRoot : Path.Combine(AppContext.BaseDirectory, "protocols");
    }
}
