using TriageBot.Cards.Templating;
using TriageBot.Escalations;
using TriageBot.Outbox;
using TriageBot.References;

namespace TriageBot.Hosting;

/// <summary>
/// Escalations to the duty lead: conversation references, the card templates, the outbox and its sender, the projector
/// that turns escalation requests into cards, the deadline timer, and the lead's card actions.
/// </summary>
public static class EscalationServices
{
    public static IServiceCollection AddTriageBotEscalations(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName));
        services.AddOptions<EscalationOptions>().Bind(configuration.GetSection(EscalationOptions.SectionName));
        services.AddOptions<ReferencesOptions>().Bind(configuration.GetSection(ReferencesOptions.SectionName));

        var inContentRoot = Path.Combine(environment.ContentRootPath, "cards");
        var cardsFolder = Directory.Exists(inContentRoot) ? inContentRoot : Path.Combine(AppContext.BaseDirectory, "cards");
        services.AddSingleton(new CardTemplateLibrary(cardsFolder));
        services.AddSingleton<EscalationCards>();
        services.AddSingleton<Cards.ReplyCards>();

        services.AddSingleton<ConversationReferenceCapture>();
        services.AddSingleton<SafeguardingChannelReference>();

        services.AddSingleton<OutboxSignal>();
        
        services.AddSingleton<EscalationProjector>();
        services.AddSingleton<EscalationDelivery>();
        services.AddSingleton<EscalationDecisions>();
        services.AddSingleton<EscalationCardActions>();
        services.AddSingleton<EyesOnChecks>();
        services.AddSingleton<ReporterAnswers>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxSender>());
        services.AddSingleton<EscalationTimer>();
        services.AddHostedService(provider => provider.GetRequiredService<EscalationTimer>());
        return services;
    }
}
