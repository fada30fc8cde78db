using System.Text;
using System.Text.Json;
using OctoLite.Scripting.Masking;

namespace OctoLite.Tests.Scripting.Masking;

public sealed class SecretMaskerTests
{
    private const string Mask = SecretMasker.MaskText;

    [Fact]
    public void Mask_ReplacesEveryOccurrence_OfARegisteredSecret()
    {
        var masker = new SecretMasker();
        masker.Add("hunter22");

        Assert.Equal($"user={Mask} again {Mask}.", masker.Mask("user=hunter22 again hunter22."));
    }

    [Fact]
    public void Mask_ReturnsTheSameInstance_WhenNothingMatches()
    {
        var masker = new SecretMasker();
        masker.Add("hunter22");
        var line = "nothing to hide here, hunter2 is too short a match";

        Assert.Same(line, masker.Mask(line));
        Assert.Same(line, new SecretMasker().Mask(line));
    }

    [Fact]
    public void Mask_AllocatesNothing_WhenNothingMatches()
    {
        var masker = new SecretMasker();
        masker.AddRange(Enumerable.Range(0, 20).Select(i => $"secret-value-{i}"));
        var line = "2024-06-11 [INFO] copied 42 files to /var/www/app (secret-valu is not a secret)";
        for (var i = 0; i < 100; i++)
            masker.Mask(line);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
            masker.Mask(line);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Mask_HidesDerivedForms_Base64UrlAndJson()
    {
        const string secret = "p@ss w/rd+\"é\"\\";
        var masker = new SecretMasker();
        masker.Add(secret);
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
        var json = JsonSerializer.Serialize(secret, SecretJsonContext.Default.String);

        Assert.Equal($"auth {Mask}", masker.Mask($"auth {base64}"));
        Assert.Equal($"auth {Mask}", masker.Mask($"auth {base64.TrimEnd('=')}"));
        Assert.Equal($"?p={Mask}&x=1", masker.Mask($"?p={Uri.EscapeDataString(secret)}&x=1"));
        Assert.Equal($"?p={Mask}&x=1", masker.Mask($"?p={System.Net.WebUtility.UrlEncode(secret)}&x=1"));
        Assert.Equal($"{{\"p\":\"{Mask}\"}}", masker.Mask($"{{\"p\":{json}}}"));
        Assert.Equal($"{{\"p\": \"{Mask}\"}}", masker.Mask("{\"p\": \"p@ss w/rd+\\\"\\u00e9\\\"\\\\\"}"));
    }

    [Fact]
    public void Mask_HidesEachLine_OfAMultiLineSecret()
    {
        var masker = new SecretMasker();
        masker.Add("-----BEGIN KEY-----\r\nMIIBOgIBAAJBAKj34\r\n-----END KEY-----\n");

        Assert.Equal(Mask, masker.Mask("MIIBOgIBAAJBAKj34"));
        Assert.Equal($"  {Mask}", masker.Mask("  -----END KEY-----"));
        Assert.Equal($"\"{Mask}\"", masker.Mask("\"-----BEGIN KEY-----\\r\\nMIIBOgIBAAJBAKj34\\r\\n-----END KEY-----\\n\""));
    }

    [Fact]
    public void Mask_HidesBothSecretsCompletely_WhenTheyOverlap()
    {
        var masker = new SecretMasker();
        masker.Add("abcdef");
        masker.Add("defghi");
        masker.Add("cdefg");

        Assert.Equal($"x{Mask}x", masker.Mask("xabcdefghix"));
        Assert.Equal($"x{Mask}x", masker.Mask("xdefghiabcdefx"));
        Assert.Equal($"{Mask} {Mask}", masker.Mask("abcdef defghi"));
    }

    [Fact]
    public void Mask_PrefersTheLongestSecret_WhenOneContainsAnother()
    {
        var masker = new SecretMasker();
        masker.Add("pass");
        masker.Add("password123");

        Assert.Equal($"{Mask}!", masker.Mask("password123!"));
        Assert.Equal($"{Mask}word", masker.Mask("password"));
    }

    [Fact]
    public void Mask_AppliesASecret_OnlyFromWhenItIsAdded()
    {
        var masker = new SecretMasker();
        Assert.Equal("token=abc123", masker.Mask("token=abc123"));

        masker.Add("abc123");

        Assert.Equal($"token={Mask}", masker.Mask("token=abc123"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    [InlineData("ab")]
    [InlineData("  ab  ")]
    public void Add_IgnoresEmptyWhitespaceAndShortValues(string? secret)
    {
        var masker = new SecretMasker();

        Assert.False(masker.Add(secret));
        Assert.Equal("a b ab   x", masker.Mask("a b ab   x"));
    }

    [Fact]
    public void Add_MasksThreeCharacterValues_ByDefault()
    {
        var masker = new SecretMasker();

        Assert.True(masker.Add("abc"));
        Assert.Equal($"x{Mask}x", masker.Mask("xabcx"));
    }

    [Fact]
    public void Add_HonoursACustomMinimumLength()
    {
        var masker = new SecretMasker(minimumLength: 1);

        Assert.True(masker.Add("7"));
        Assert.Equal($"{Mask}x{Mask}", masker.Mask("7x7"));
    }

    [Fact]
    public void Mask_WritesOneMask_ForAdjacentOccurrences()
    {
        // Separate masks would tell a reader where one secret ends and the next begins.
        var masker = new SecretMasker();
        masker.Add("abc");
        masker.Add("xyz");

        Assert.Equal($"[{Mask}]", masker.Mask("[abcxyzabc]"));
    }

    [Fact]
    public void Mask_MasksTheTrimmedSecret_WhenItWasRegisteredWithSurroundingWhitespace()
    {
        var masker = new SecretMasker();
        masker.Add("  s3cr3t\n");

        Assert.Equal($"[{Mask}]", masker.Mask("[s3cr3t]"));
    }

    [Fact]
    public void Mask_HandlesUnicodeSecrets_IncludingAstralCharacters()
    {
        var masker = new SecretMasker();
        masker.Add("пароль🔑中文");

        Assert.Equal($"é {Mask} é", masker.Mask("é пароль🔑中文 é"));
        Assert.Equal("пароль🔑中", masker.Mask("пароль🔑中"));
    }

    [Fact]
    public void Mask_IsStable_ForASecretThatLooksLikeTheMask()
    {
        var masker = new SecretMasker();
        masker.Add(Mask);
        masker.Add("***");

        Assert.Equal($"a {Mask} b", masker.Mask($"a {Mask} b"));
        Assert.Equal(masker.Mask("x ********* y"), masker.Mask(masker.Mask("x ********* y")));
    }

    [Fact]
    public void Add_IsIdempotent_ForTheSameSecretTwice()
    {
        var masker = new SecretMasker();
        Assert.True(masker.Add("repeat-me"));
        Assert.True(masker.Add("repeat-me"));

        Assert.Equal(Mask, masker.Mask("repeat-me"));
    }

    [Fact]
    public async Task Mask_StaysCorrect_WhileOtherThreadsAddSecrets()
    {
        var masker = new SecretMasker();
        masker.Add("always-secret");
        var token = Support.TestTimeout.Token();

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
                masker.Add($"secret-{w}-{i}");
        }, token));
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
                Assert.Equal($"[{Mask}]", masker.Mask("[always-secret]"));
        }, token));
        await Task.WhenAll(writers.Concat(readers));

        Assert.Equal(Mask, masker.Mask("secret-3-199"));
        Assert.Equal($"{Mask} {Mask}", masker.Mask("secret-0-0 secret-2-100"));
    }
}
