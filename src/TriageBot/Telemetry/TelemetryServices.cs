using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Instrumentation.Http;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TriageBot.Connector.Client;
using TriageBot.Hosting;

namespace TriageBot.Telemetry;

/// <summary>
/// Traces and metrics (OpenTelemetry), exported as Telemetry:Exporter says. With None (the default) no tracer or
/// meter provider is made: spans are not even started and instruments record nothing.
/// </summary>
public static class TelemetryServices
{
    public static IServiceCollection AddTriageBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TelemetryOptions.SectionName);
        services.AddOptions<TelemetryOptions>().Bind(section);
        services.AddMetrics();
        services.AddSingleton<TriageBotMetrics>();
        ConfigureInstrumentation(services);

        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Exporter == TelemetryExporter.None)
        {
            return services;
        }

        // The Azure Monitor distro adds the ASP.NET Core and HttpClient instrumentation itself (with the options below).
        var withHttp = options.Exporter != TelemetryExporter.AzureMonitor;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(tracing => tracing.AddTriageBotTracing(withHttp))
            .WithMetrics(metrics => metrics.AddTriageBotMetrics(withHttp));
        if (options.Exporter == TelemetryExporter.Otlp)
        {
            var protocol = Enum.Parse<OtlpExportProtocol>(options.OtlpProtocol, ignoreCase: true);
            if (options.OtlpEndpoint is { } endpoint)
            {
                telemetry.UseOtlpExporter(protocol, endpoint);
            }
            else
            {
                telemetry.UseOtlpExporter();
            }
        }
        else
        {
            telemetry.UseAzureMonitor(azure =>
            {
                if (!string.IsNullOrWhiteSpace(options.AzureMonitorConnectionString))
                {
                    azure.ConnectionString = options.AzureMonitorConnectionString;
                }
            });
        }

        return services;
    }

    /// <summary>TriageBot's spans (turns, dialog, store, outbox, connector) and, unless the exporter adds them, ASP.NET Core's and HttpClient's.</summary>
    public static TracerProviderBuilder AddTriageBotTracing(this TracerProviderBuilder tracing, bool withHttpInstrumentation = true)
    {
        ArgumentNullException.ThrowIfNull(tracing);
        tracing.AddSource(TriageBotTelemetry.SourceName, ConnectorTelemetry.SourceName).AddProcessor(new RedactionProcessor());
        return withHttpInstrumentation ? tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation() : tracing;
    }

    /// <summary>TriageBot's meter and, unless the exporter adds them, ASP.NET Core's and HttpClient's request durations.</summary>
    public static MeterProviderBuilder AddTriageBotMetrics(this MeterProviderBuilder metrics, bool withHttpInstrumentation = true)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        metrics.AddMeter(TriageBotTelemetry.MeterName);
        return withHttpInstrumentation ? metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation() : metrics;
    }

    /// <summary>URL attributes without tokens, ids or query strings, set where the instrumentation makes them.</summary>
    private static void ConfigureInstrumentation(IServiceCollection services)
    {
        services.Configure<AspNetCoreTraceInstrumentationOptions>(aspNetCore =>
        {
            aspNetCore.RecordException = false;
            aspNetCore.EnrichWithHttpResponse = (activity, response) =>
            {
                activity.SetTag("url.path", RequestLogging.RouteOf(response.HttpContext));
                activity.SetTag("url.query", null);
            };
        });
        services.Configure<HttpClientTraceInstrumentationOptions>(http =>
        {
            http.RecordException = false;
            http.EnrichWithHttpRequestMessage = (activity, request) =>
            {
                activity.SetTag("url.full", UrlRedaction.Redact(request.RequestUri));
                activity.SetTag("url.query", null);
            };
        });
    }
}
