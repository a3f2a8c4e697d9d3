using TriageBot.Dialogs.Protocols.Loading;

namespace TriageBot.Commands;

/// <summary>
/// `dotnet run --project src/TriageBot -- validate [folder]`: loads the school's crisis content and prints every mistake
/// as file:line: message, so a safeguarding lead can fix the files before the bot serves them. Exit code 0 when the
/// content is valid, 1 when it is not, 2 when the folder does not exist.
/// </summary>
public static class ValidateCommand
{
    public const string Name = "validate";

    public static int Run(string? folder, TextWriter output)
    {
        folder ??= DefaultFolder();
        if (!Directory.Exists(folder))
        {
            output.WriteLine($"No content folder at {Path.GetFullPath(folder)}. Give the folder: validate path/to/protocols");
            return 2;
        }

        var result = ProtocolCatalogLoader.LoadFolder(folder);
        foreach (var error in result.Errors)
        {
            output.WriteLine(error.ToString());
        }

        if (result.Catalog is not { } catalog)
        {
            output.WriteLine($"{result.Errors.Count} error(s) in {Path.GetFullPath(folder)}. The bot will not serve this content.");
            return 1;
        }

        foreach (var contact in catalog.UnsetContacts)
        {
            output.WriteLine($"{contact.Location.File}:{contact.Location.Line}: warning: {contact.Name} is not set yet; staff will see \"{contact.Display}\".");
        }

        foreach (var person in catalog.Rota.People.Where(p => p.AadObjectId is null && p.Email?.EndsWith("@example.org", StringComparison.OrdinalIgnoreCase) == true))
        {
            output.WriteLine($"{person.Location.File}:{person.Location.Line}: warning: {person.Name} on the rota has the example address {person.Email}; set their Teams identity.");
        }

        foreach (var fact in result.Unverified)
        {
            output.WriteLine(fact.ToString());
        }

        if (!catalog.Rota.Channel.IsSet)
        {
            output.WriteLine($"{catalog.Rota.Channel.Location.File}:{catalog.Rota.Channel.Location.Line}: warning: the safeguarding channel's conversation_id is not set; escalations that reach nobody 1:1 cannot be posted there.");
        }

        output.WriteLine($"Valid: {catalog.Protocols.Count} protocols, {catalog.Checklists.Count} checklists, {catalog.Services.Count} services, {catalog.FollowUps.Rules.Count} follow-up rules, region {catalog.Region.Id}; {result.Unverified.Count} facts still marked unverified.");
        return 0;
    }

    // protocols/ in the current folder, or in the nearest parent that has one (so it works from src/TriageBot too).
    private static string DefaultFolder()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "protocols");
            if (File.Exists(Path.Combine(candidate, "school.yaml")))
            {
                return candidate;
            }
        }

        return "protocols";
    }
}
