using TriageBot.Api;
using TriageBot.Invokes;
using TriageBot.LoadShedding;
using TriageBot.Turns;

namespace TriageBot.Hosting;

/// <summary>The adapter and the turn pipeline: load shedding, request reading, turns, invoke routing.</summary>
public static class TurnServices
{
    public static IServiceCollection AddTriageBotTurns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MessagesEndpointOptions>().Bind(configuration.GetSection(MessagesEndpointOptions.SectionName));
        services.AddOptions<TurnOptions>().Bind(configuration.GetSection(TurnOptions.SectionName));
        services.AddOptions<LoadSheddingOptions>().Bind(configuration.GetSection(LoadSheddingOptions.SectionName));
        services.AddSingleton<TurnAdmission>();
        services.AddSingleton<ActivityRequestReader>();
        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<TurnProcessor>();
        services.AddSingleton<IInvokeHandler, AdaptiveCardActionHandler>();
        services.AddSingleton<InvokeRouter>();
        services.AddSingleton<MessagesHandler>();
        services.AddHostedService<StartupWarnings>();
        return services;
    }
}
