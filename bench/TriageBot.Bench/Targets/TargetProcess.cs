using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace TriageBot.Bench.Targets;

/// <summary>
/// A bot under test as its own process (dotnet X.dll) on 127.0.0.1 with a free port, in the Production
/// environment, on a content root the bench owns. Its console is drained (the last lines kept for when it fails).
/// </summary>
internal sealed class TargetProcess : IAsyncDisposable
{
    private const int KeptLines = 60;
    private readonly Process _process;
    private readonly Queue<string> _lastLines;

    private TargetProcess(string name, Process process, Queue<string> lastLines, Uri baseAddress)
    {
        Name = name;
        _process = process;
        _lastLines = lastLines;
        BaseAddress = baseAddress;
        Memory = new ProcessMemory(process.Id);
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public Uri MessagesUrl => new(BaseAddress, "api/messages");

    public ProcessMemory Memory { get; }

    public bool HasExited => _process.HasExited;

    public string LastOutput
    {
        get
        {
            lock (_lastLines)
            {
                return string.Join(Environment.NewLine, _lastLines);
            }
        }
    }

    public static async Task<TargetProcess> StartAsync(
        string name, string dll, string contentRoot, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string readyPath, TimeSpan timeout,
        TextWriter? log = null)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{name}: {dll} is not built. Build it first (dotnet build -c Release).", dll);
        }

        // A port chosen here rather than port 0 read from the log: the bot's log level is the run's to choose.
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = contentRoot,
            ArgumentList = { dll, $"--urls={baseAddress}", $"--contentRoot={contentRoot}" },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var lastLines = new Queue<string>();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lastLines)
            {
                try
                {
                    log?.WriteLine(line);
                }
                catch (ObjectDisposedException)
                {
                    // The run is over; the last lines after it do not matter.
                }

                lastLines.Enqueue(line);
                if (lastLines.Count > KeptLines)
                {
                    lastLines.Dequeue();
                }
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var target = new TargetProcess(name, process, lastLines, baseAddress);
        try
        {
            await target.WaitUntilReadyAsync(readyPath, timeout);
        }
        catch (InvalidOperationException)
        {
            await target.DisposeAsync();
            throw;
        }

        return target;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilReadyAsync(string readyPath, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(readyPath, UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not accepting yet.
            }

            if (Stopwatch.GetTimestamp() > deadline || _process.HasExited)
            {
                throw new InvalidOperationException($"{Name} did not answer {readyPath} with 200{(_process.HasExited ? " (it exited)" : string.Empty)}. Its last output:{Environment.NewLine}{LastOutput}");
            }

            await Task.Delay(100);
        }
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public ValueTask DisposeAsync()
    {
        KillQuietly(_process);
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
