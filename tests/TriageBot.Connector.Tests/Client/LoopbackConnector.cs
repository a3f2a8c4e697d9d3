using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TriageBot.Connector.Tests.Client;

/// <summary>
/// A real HTTP server on 127.0.0.1 standing in for the Bot Connector: records every request and answers from a script.
/// Its serviceUrl carries a base path, as Teams (/teams/) and the Emulator (/_connector) do.
/// </summary>
internal sealed class LoopbackConnector : IAsyncDisposable
{
    public const string BasePath = "/some/base/path";

    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _serving;

    private LoopbackConnector(HttpListener listener, int port)
    {
        _listener = listener;
        Port = port;
        _serving = ServeAsync();
    }

    public int Port { get; }

    /// <summary>The serviceUrl as Teams would send it, without a trailing slash to prove the client adds one.</summary>
    public string ServiceUrl => $"http://127.0.0.1:{Port}{BasePath}";

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static LoopbackConnector Start()
    {
        // The port is free when asked but could be taken before the listener binds it, so try a few.
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new LoopbackConnector(listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>A port nothing listens on: connecting to it is refused at once.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Enqueue(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    public void Enqueue(int status, string? body = null) => Enqueue(new ScriptedResponse(status, body));

    public Task WaitForRequestsAsync(int count)
    {
        lock (_requests)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopping the listener ends the accept loop this way.
        }

        _stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var context = await _listener.GetContextAsync();
            _ = AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = request.Headers.AllKeys
            .Where(key => key is not null)
            .ToDictionary(key => key!, key => request.Headers[key]!, StringComparer.OrdinalIgnoreCase);
        Record(new RecordedRequest(request.HttpMethod, request.RawUrl ?? string.Empty, headers, body));

        var scripted = _script.TryDequeue(out var next) ? next : new ScriptedResponse(599, "no scripted response left");
        var response = context.Response;
        try
        {
            if (scripted.Hang)
            {
                await Task.Delay(Timeout.Infinite, _stopping.Token);
            }

            response.StatusCode = scripted.Status;
            foreach (var (name, value) in scripted.Headers ?? new Dictionary<string, string>())
            {
                response.AddHeader(name, value);
            }

            var bytes = Encoding.UTF8.GetBytes(scripted.Body ?? string.Empty);
            if (scripted.Body is not null)
            {
                response.ContentType = "application/json; charset=utf-8";
            }

            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
            response.Close();
        }
        catch (Exception error) when (error is OperationCanceledException or HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up on this attempt (timeout, cancellation) or the test is over.
            response.Abort();
        }
    }

    private void Record(RecordedRequest recorded)
    {
        List<TaskCompletionSource> released = [];
        lock (_requests)
        {
            _requests.Add(recorded);
            foreach (var waiter in _waiters.Where(w => _requests.Count >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                released.Add(waiter.Signal);
            }
        }

        released.ForEach(signal => signal.TrySetResult());
    }
}
