using OctoLite.Tentacle.Agent;

namespace OctoLite.Tests.Tentacle;

public sealed class ScriptTicketTests
{
    [Theory]
    [InlineData("ServerTasks-12.Steps-3.Machines-2")]
    [InlineData("a_b")]
    public void Validate_AcceptsTheTicketAlphabet(string ticket) => Assert.Equal(ticket, ScriptTicket.Validate(ticket));

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("a\0b")]
    [InlineData("ticket with spaces")]
    [InlineData("é")]
    public void Validate_RefusesOthers_NamingTheField(string ticket)
    {
        var e = Assert.Throws<TentacleRequestException>(() => ScriptTicket.Validate(ticket));

        Assert.Equal(400, e.StatusCode);
        Assert.Equal("ticket", e.Field);
    }

    [Fact]
    public void Validate_RefusesTooLongTickets() =>
        Assert.Throws<TentacleRequestException>(() => ScriptTicket.Validate(new string('a', 201)));
}
