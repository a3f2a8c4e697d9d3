using TriageBot.Admin;
using TriageBot.Api;
using TriageBot.Diagnostics;
using TriageBot.Faults;
using TriageBot.Telemetry;

namespace TriageBot.Hosting;

/// <summary>
/// Builds the TriageBot web application: configuration, logging, services and endpoints. Program.cs runs it;
/// tests build it with their own arguments (port 0, a temporary database) and may replace services at the seams.
/// </summary>
public static class TriageBotApplication
{
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        builder.AddTriageBotLogging();

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddTriageBotStorage(builder.Configuration, builder.Environment);
        services.AddTriageBotIncidentLog(builder.Configuration, builder.Environment);
        services.AddTriageBotConnector(builder.Configuration);
        services.AddTriageBotDialogs(builder.Configuration, builder.Environment);
        services.AddTriageBotTurns(builder.Configuration);
        services.AddTriageBotEscalations(builder.Configuration, builder.Environment);
        services.AddTriageBotRecords(builder.Configuration);
        services.AddTriageBotAdmin(builder.Configuration);
        services.AddTriageBotTelemetry(builder.Configuration);
        overrideServices?.Invoke(services);

        var app = builder.Build();
        app.UseTriageBotRequestLogging();
        app.UseMiddleware<UnexpectedFaultMiddleware>();
        app.MapMessagesEndpoint();
        app.MapHealthEndpoints();
        app.MapAdminEndpoints();
        app.MapDiagnosticsEndpoints(app.Configuration);
        return app;
    }
}
