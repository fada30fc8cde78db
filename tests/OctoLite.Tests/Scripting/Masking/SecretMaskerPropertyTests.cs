using System.Text;
using OctoLite.Scripting.Masking;

namespace OctoLite.Tests.Scripting.Masking;

public sealed class SecretMaskerPropertyTests
{
    [Fact]
    public void Mask_AgreesWithANaiveReference_ForRandomSecretsAndText()
    {
        // A small alphabet makes secrets overlap, nest and repeat often.
        var random = new Random(7);
        for (var round = 0; round < 500; round++)
        {
            var secrets = Enumerable.Range(0, random.Next(1, 6)).Select(_ => Word(random, random.Next(3, 7))).ToArray();
            var masker = new SecretMasker();
            masker.AddRange(secrets);
            for (var i = 0; i < 20; i++)
            {
                var text = Word(random, random.Next(0, 60));
                Assert.Equal(Reference(text, secrets), masker.Mask(text));
            }
        }
    }

    private static string Word(Random random, int length)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < length; i++)
            builder.Append("abc"[random.Next(3)]);
        return builder.ToString();
    }

    // Marks every character covered by any occurrence of any secret, then writes one mask per covered run.
    // (Base64 and other derived forms of "a/b/c" words never occur in such text, so the raw secrets suffice.)
    private static string Reference(string text, string[] secrets)
    {
        var covered = new bool[text.Length];
        foreach (var secret in secrets)
        {
            for (var at = text.IndexOf(secret, StringComparison.Ordinal); at >= 0; at = text.IndexOf(secret, at + 1, StringComparison.Ordinal))
                Array.Fill(covered, true, at, secret.Length);
        }
        var output = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (!covered[i])
                output.Append(text[i]);
            else if (i == 0 || !covered[i - 1])
                output.Append(SecretMasker.MaskText);
        }
        return output.ToString();
    }
}
