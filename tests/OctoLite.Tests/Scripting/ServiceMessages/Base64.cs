using System.Text;

namespace OctoLite.Tests.Scripting.ServiceMessages;

/// <summary>Encodes test values independently of the code under test.</summary>
internal static class Base64
{
    public static string Of(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
