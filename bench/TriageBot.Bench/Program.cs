using TriageBot.Bench;
using TriageBot.Bench.Hostile;

if (args.Length > 0 && args[0] == "hostile")
{
    if (args.Contains("--help"))
    {
        Console.WriteLine(HostileOptions.Usage);
        return 0;
    }

    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };
    return await new HostileRun(HostileOptions.Parse(args[1..]), Console.Out).RunAsync(stop.Token);
}

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException problem)
{
    await Console.Error.WriteLineAsync(problem.Message);
    await Console.Error.WriteLineAsync(BenchOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

// A terminated bench stops its bots too (they are killed when the run is disposed).
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancel.Cancel();
});

return await new BenchRun(options, Console.Out).RunAsync(cancel.Token);
