using System.Net.Sockets;
using OctoLite.Server.Security;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Security;

public sealed class PeerCredentialsTests
{
    [Fact]
    public async Task UserOf_ConnectedUnixSocket_IsTheConnectingProcessesAccount()
    {
        using var temp = new TempDirectory();
        var endPoint = new UnixDomainSocketEndPoint(temp.Combine("s.sock"));
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(endPoint);
        listener.Listen();
        using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await client.ConnectAsync(endPoint, TestTimeout.Token());
        using var accepted = await listener.AcceptAsync(TestTimeout.Token());

        Assert.Equal(Environment.UserName, PeerCredentials.UserOf(accepted));
    }

    [Fact]
    public void UserOf_TcpSocket_IsNull()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        Assert.Null(PeerCredentials.UserOf(socket));
    }
}
