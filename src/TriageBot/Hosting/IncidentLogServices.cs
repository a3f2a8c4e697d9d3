using Microsoft.AspNetCore.DataProtection;
using TriageBot.Escalations;
using TriageBot.IncidentLog;

namespace TriageBot.Hosting;

/// <summary>
/// The incident log: its writer (used inside each turn's transaction), reader, verifier, and the Data Protection keys
/// that encrypt what staff type about students (DataProtection:KeyPath, data/keys under the content root by default;
/// on Azure App Service under /home, which survives restarts and redeployments).
/// </summary>
public static class IncidentLogServices
{
    public static IServiceCollection AddTriageBotIncidentLog(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var configured = configuration["DataProtection:KeyPath"];
        var keyPath = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Path.Combine("data", "keys") : configured, environment.ContentRootPath);
        services.AddDataProtection()
            .SetApplicationName("TriageBot")
            .PersistKeysToFileSystem(new DirectoryInfo(keyPath));

        services.AddOptions<IncidentLogOptions>().Bind(configuration.GetSection(IncidentLogOptions.SectionName));
        services.AddSingleton<IncidentKeys>();
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<IncidentLogWriter>();
        services.AddSingleton<IIncidentLogWriter>(provider => provider.GetRequiredService<IncidentLogWriter>());
        services.AddSingleton<IncidentLogReader>();
        services.AddSingleton<IIncidentEventSource>(provider => provider.GetRequiredService<IncidentLogReader>());
        services.AddSingleton<IncidentLogVerifier>();
        return services;
    }
}
