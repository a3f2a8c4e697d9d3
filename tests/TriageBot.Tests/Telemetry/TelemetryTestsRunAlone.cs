namespace TriageBot.Tests.Telemetry;

/// <summary>
/// Span sources and meters are seen process-wide: while a telemetry test reads its exporter, no other test's bot may
/// run, or its turns would be counted too.
/// </summary>
[CollectionDefinition(nameof(TelemetryTestsRunAlone), DisableParallelization = true)]
public sealed class TelemetryTestsRunAlone;
