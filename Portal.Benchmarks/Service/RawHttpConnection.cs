using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Portal.Benchmarks.Service;

/// <summary>
/// One keep-alive HTTP/1.1 connection that sends prepared request bytes and reads each answer into a reused buffer,
/// so that the client itself allocates almost nothing and a process-wide allocation count is the server's. Reads
/// answers with Content-Length or chunked bodies; returns the status code.
/// </summary>
public sealed class RawHttpConnection(int port) : IDisposable
{
    private readonly Socket socket = Connect(port);
    private readonly byte[] buffer = new byte[64 * 1024];

    public static byte[] Request(string method, string path, string? apiKey, string? jsonBody)
    {
        var body = jsonBody is null ? [] : Encoding.UTF8.GetBytes(jsonBody);
        var head = $"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                   (apiKey is null ? "" : $"Ocp-Apim-Subscription-Key: {apiKey}\r\n") +
                   (jsonBody is null ? "" : $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\n") + "\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    public async Task<int> SendAsync(ReadOnlyMemory<byte> request)
    {
        while (request.Length > 0) request = request[await socket.SendAsync(request, SocketFlags.None)..];
        var length = 0;
        int headerEnd;
        while ((headerEnd = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8)) < 0) length += await ReceiveAsync(length);
        var head = buffer.AsSpan(0, headerEnd);
        Utf8Parser.TryParse(head[9..12], out int status, out _);
        var bodyStart = headerEnd + 4;
        if (ContentLength(head) is { } contentLength)
        {
            while (length < bodyStart + contentLength) length += await ReceiveAsync(length);
        }
        else if (head.IndexOf("chunked"u8) >= 0)
        {
            while (!buffer.AsSpan(bodyStart, length - bodyStart).EndsWith("0\r\n\r\n"u8)) length += await ReceiveAsync(length);
        }
        return status;
    }

    private async Task<int> ReceiveAsync(int at)
    {
        var read = await socket.ReceiveAsync(buffer.AsMemory(at), SocketFlags.None);
        return read > 0 ? read : throw new IOException("the server closed the connection");
    }

    private static int? ContentLength(ReadOnlySpan<byte> head)
    {
        var at = head.IndexOf("Content-Length: "u8);
        if (at < 0) return null;
        Utf8Parser.TryParse(head[(at + 16)..], out int length, out _);
        return length;
    }

    private static Socket Connect(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
        return socket;
    }

    public void Dispose() => socket.Dispose();
}
