using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace TriageBot.EndToEnd.Tests;

/// <summary>
/// The Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground, installed by ./test.sh) started with node
/// directly, so its process id is ours to end. It serves the Teams-like UI, the connector the bot replies to and the
/// websockets on one port, which it prints as "Listening on N" (it silently takes another port when the asked one is
/// busy). Its working directory is a private temp folder, because it writes devTools/ there.
/// </summary>
public sealed partial class PlaygroundProcess : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly string workingDirectory;
    private readonly TaskCompletionSource<int> listeningPort = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PlaygroundProcess(Process process, string workingDirectory, string conversationId)
    {
        this.process = process;
        this.workingDirectory = workingDirectory;
        ConversationId = conversationId;
    }

    /// <summary>Everything the Playground wrote to stdout and stderr.</summary>
    public CapturedLog Output { get; } = new("Agents Playground stdout/stderr");

    public string ConversationId { get; }

    /// <summary>The UI (and connector) address, e.g. http://127.0.0.1:56150/ — set once started.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>
    /// Starts the Playground in Teams mode (channel msteams) against <paramref name="botEndpoint"/> and waits until it
    /// prints its port and answers GET /_debug/ping with "pong".
    /// </summary>
    public static async Task<PlaygroundProcess> StartAsync(Uri botEndpoint, CancellationToken cancellationToken)
    {
        var cli = RepositoryRoot.RequirePlaygroundCli();
        var workingDirectory = Path.Combine(Path.GetTempPath(), "triagebot-playground-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workingDirectory);
        var conversationId = "e2e-" + Guid.NewGuid().ToString("N");

        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in new[]
        {
            cli, "start",
            "-e", botEndpoint.ToString(),
            "-c", "msteams",
            "-p", FreeLoopbackPort().ToString(CultureInfo.InvariantCulture),
            "--conversation-id", conversationId,
            "--disable-telemetry",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        startInfo.Environment["NO_COLOR"] = "1";
        startInfo.Environment["CI"] = "true";

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var playground = new PlaygroundProcess(process, workingDirectory, conversationId);
        process.OutputDataReceived += (_, e) => playground.OnOutput("out", e.Data);
        process.ErrorDataReceived += (_, e) => playground.OnOutput("err", e.Data);
        process.Exited += (_, _) => playground.listeningPort.TrySetException(new InvalidOperationException(
            "The Agents Playground exited before it was ready (exit code " + SafeExitCode(process) + ")."));

        playground.Output.Add("$ node " + string.Join(' ', startInfo.ArgumentList) + "   (cwd " + workingDirectory + ")");
        try
        {
            if (!process.Start())
            {
                throw new InvalidOperationException("node did not start.");
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Could not start node (is Node.js installed and on PATH?): " + e.Message, e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await playground.WaitUntilReadyAsync(cancellationToken);
        }
        catch (Exception e)
        {
            await playground.DisposeAsync();
            throw new InvalidOperationException(
                $"The Agents Playground did not become ready within {StartTimeout.TotalSeconds:0} s: {e.Message}"
                + Environment.NewLine + playground.Output.Dump(),
                e);
        }

        return playground;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        catch (OperationCanceledException)
        {
            Output.Add("(the Playground did not exit within 10 s of being killed)");
        }
        finally
        {
            process.Dispose();
        }

        try
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
        catch (UnauthorizedAccessException)
        {
            // Left for the OS to clean.
        }
    }

    private static string SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode.ToString(CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "unknown";
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StartTimeout);

        var port = await listeningPort.Task.WaitAsync(deadline.Token);
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var ping = new Uri(BaseAddress, "/_debug/ping");
        while (true)
        {
            deadline.Token.ThrowIfCancellationRequested();
            try
            {
                var body = await http.GetStringAsync(ping, deadline.Token);
                if (body.Trim() == "pong")
                {
                    Output.Add($"(GET {ping} -> pong)");
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }
    }

    private void OnOutput(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        Output.Add($"[{stream}] {line}");
        var match = ListeningOn().Match(line);
        if (match.Success)
        {
            listeningPort.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningOn();
}
