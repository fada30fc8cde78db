using System.Text;
using OctoLite.Scripting.ServiceMessages;

namespace OctoLite.Tests.Scripting.ServiceMessages;

/// <summary>The parser reads whatever a user script prints: no input may make it throw.</summary>
public sealed class ServiceMessageFuzzTests
{
    [Fact]
    public void TryParse_NeverThrows_ForRandomBytesDecodedAsText()
    {
        var random = new Random(1);
        var bytes = new byte[256];
        for (var i = 0; i < 5_000; i++)
        {
            var length = random.Next(bytes.Length);
            random.NextBytes(bytes.AsSpan(0, length));
            var text = Encoding.UTF8.GetString(bytes, 0, length);

            AssertConsistent(text);
            AssertConsistent(ServiceMessageGrammar.Prefix + text);
        }
    }

    [Fact]
    public void TryParse_NeverThrows_ForRandomCharsAfterThePrefix()
    {
        var random = new Random(2);
        for (var i = 0; i < 5_000; i++)
            AssertConsistent(ServiceMessageGrammar.Prefix + RandomInputs.Chars(random, random.Next(0, 120)));
    }

    [Fact]
    public void TryParse_NeverThrows_ForMutationsOfValidMessages()
    {
        var random = new Random(3);
        const string alphabet = "#[]'\"= \t\\/+AZaz09-_.:!\u0000\uD800\u00E9";
        var parsedSome = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var line = new StringBuilder(ServiceMessageWriter.Format(
                RandomInputs.Name(random),
                (RandomInputs.Name(random), RandomInputs.Text(random, random.Next(0, 20))),
                (RandomInputs.Name(random) + "2", RandomInputs.Text(random, random.Next(0, 20)))));
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var at = random.Next(line.Length + 1);
                switch (random.Next(3))
                {
                    case 0 when at < line.Length: line.Remove(at, 1); break;
                    case 1 when at < line.Length: line[at] = alphabet[random.Next(alphabet.Length)]; break;
                    default: line.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                }
            }
            if (AssertConsistent(line.ToString()))
                parsedSome++;
        }
        // The mutations must leave some messages valid, or this test would only exercise the error paths.
        Assert.InRange(parsedSome, 1, 9_999);
    }

    private static bool AssertConsistent(string line)
    {
        var parsed = ServiceMessageParser.TryParse(line, out var message, out var error);
        Assert.Equal(parsed, message is not null);
        if (parsed)
            Assert.Null(error);
        return parsed;
    }
}
