using System.Buffers;

namespace OctoLite.Tentacle.Agent;

/// <summary>Tickets name folders on the tentacle, so only a safe alphabet is accepted.</summary>
internal static class ScriptTicket
{
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_");

    /// <summary>Returns <paramref name="ticket"/> when valid, else throws a 400 naming the field.</summary>
    /// <exception cref="TentacleRequestException">Empty, too long, all dots, or a character outside letters, digits, '.', '-', '_'.</exception>
    public static string Validate(string? ticket, string field = "ticket")
    {
        if (string.IsNullOrEmpty(ticket))
        {
            throw TentacleRequestException.BadRequest($"{field} is required: letters, digits, '.', '-' and '_'.", field);
        }

        if (ticket.Length > TentacleTimeoutsAndLimits.MaxTicketLength)
        {
            throw TentacleRequestException.BadRequest($"{field} is {ticket.Length} characters long; at most {TentacleTimeoutsAndLimits.MaxTicketLength} are allowed.", field);
        }

        var bad = ticket.AsSpan().IndexOfAnyExcept(Allowed);
        if (bad >= 0)
        {
            throw TentacleRequestException.BadRequest(
                $"{field} '{ticket}' holds U+{(int)ticket[bad]:X4} at position {bad + 1}; only letters, digits, '.', '-' and '_' are allowed.", field);
        }

        if (ticket.All(c => c == '.'))
        {
            throw TentacleRequestException.BadRequest($"{field} '{ticket}' is not a valid ticket: it cannot be only dots.", field);
        }

        return ticket;
    }
}
