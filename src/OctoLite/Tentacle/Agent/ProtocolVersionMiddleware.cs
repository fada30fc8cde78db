using System.Globalization;
using OctoLite.Tentacle.Protocol;

namespace OctoLite.Tentacle.Agent;

/// <summary>
/// Every call must name the protocol version it speaks; a missing or different one is refused with 400 naming
/// both, before any route runs. Every answer names this tentacle's version, so a caller can tell what it spoke to.
/// </summary>
internal sealed class ProtocolVersionMiddleware(RequestDelegate next)
{
    private static readonly string Version = TentacleProtocol.Version.ToString(CultureInfo.InvariantCulture);

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers[TentacleProtocol.VersionHeader] = Version;
        var asked = context.Request.Headers[TentacleProtocol.VersionHeader].ToString();
        if (asked.Trim() == Version)
        {
            return next(context);
        }

        var detail = asked.Length == 0
            ? $"The request has no {TentacleProtocol.VersionHeader} header; this tentacle speaks protocol version {Version}."
            : $"The request speaks tentacle protocol version {asked} ({TentacleProtocol.VersionHeader}); this tentacle speaks version {Version}. Upgrade the older side.";
        throw TentacleRequestException.BadRequest(detail, TentacleProtocol.VersionHeader);
    }
}
