namespace TriageBot.Telemetry;

/// <summary>Traces and metrics for the school's IT team. Bound from the Telemetry section.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    public TelemetryExporter Exporter { get; set; } = TelemetryExporter.None;

    /// <summary>The collector's address for Otlp, e.g. http://localhost:4317 (gRPC) or http://localhost:4318 (HTTP); blank: the OTLP default (or OTEL_EXPORTER_OTLP_ENDPOINT).</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Grpc (default) or HttpProtobuf.</summary>
    public string OtlpProtocol { get; set; } = "Grpc";

    /// <summary>The Application Insights connection string for AzureMonitor; blank: APPLICATIONINSIGHTS_CONNECTION_STRING.</summary>
    public string? AzureMonitorConnectionString { get; set; }

    /// <summary>The service name traces and metrics carry (cloud_RoleName in Application Insights).</summary>
    public string ServiceName { get; set; } = "TriageBot";
}
