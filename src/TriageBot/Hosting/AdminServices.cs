using TriageBot.Access;
using TriageBot.Admin;
using TriageBot.ChatCommands;
using TriageBot.Chronology;
using TriageBot.Export;
using TriageBot.Outcomes;

namespace TriageBot.Hosting;

/// <summary>
/// Reading the records: who may see an incident and the record of every read, chronologies and their commands,
/// corrections, exports (one-time links in Teams, the admin API), and outcomes for evaluation.
/// </summary>
public static class AdminServices
{
    public static IServiceCollection AddTriageBotAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName));
        services.AddSingleton<IncidentAccess>();
        services.AddSingleton<IncidentReads>();
        services.AddSingleton<ChronologyReader>();
        services.AddSingleton<ChronologyCards>();
        services.AddSingleton<ChronologyExporter>();
        services.AddSingleton<OutcomeCalculator>();
        services.AddSingleton<DownloadLinks>();
        services.AddSingleton<AdminAuthorization>();
        services.AddSingleton<IChatCommand, IncidentCommand>();
        services.AddSingleton<IChatCommand, MyReportsCommand>();
        services.AddSingleton<IChatCommand, OpenIncidentsCommand>();
        services.AddSingleton<IChatCommand, CorrectionCommand>();
        services.AddSingleton<IChatCommand, ExportCommand>();
        return services;
    }
}
