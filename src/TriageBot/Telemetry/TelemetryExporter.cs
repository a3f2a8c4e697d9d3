namespace TriageBot.Telemetry;

/// <summary>Where traces and metrics go (Telemetry:Exporter).</summary>
public enum TelemetryExporter
{
    /// <summary>Nowhere: no spans are recorded and no metrics are collected, so it costs nothing.</summary>
    None,

    /// <summary>An OpenTelemetry collector (OTLP over gRPC or HTTP/protobuf): Telemetry:OtlpEndpoint.</summary>
    Otlp,

    /// <summary>Application Insights: Telemetry:AzureMonitorConnectionString, or APPLICATIONINSIGHTS_CONNECTION_STRING.</summary>
    AzureMonitor,
}
