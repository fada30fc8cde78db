using OctoLite.Scripting.Masking;
using OctoLite.Scripting.Variables;

namespace OctoLite.Tests.Scripting.Variables;

public sealed class VariableSubstitutionTests
{
    [Fact]
    public void Substitute_ReplacesAReference_WithItsValue()
    {
        var result = Substitute("echo #{Greeting}, #{Name}!", ("Greeting", "Hello"), ("Name", "World"));

        Assert.Equal("echo Hello, World!", result.Text);
        Assert.Empty(result.UnknownVariables);
        Assert.Empty(result.UnsupportedExpressions);
    }

    [Fact]
    public void Substitute_MatchesNames_IgnoringCaseAndSurroundingSpaces()
    {
        Assert.Equal("port=8080", Substitute("port=#{ app.port }", ("App.Port", "8080")).Text);
    }

    [Fact]
    public void Substitute_SupportsNamesWithSpacesBracketsAndDots()
    {
        var result = Substitute(
            "url=#{Octopus.Action[Deploy Web Site].Output.Url}",
            ("Octopus.Action[Deploy Web Site].Output.Url", "https://example.test/"));

        Assert.Equal("url=https://example.test/", result.Text);
    }

    [Theory]
    [InlineData("##{Name}", "#{Name}")]
    [InlineData("a ##{Name} b #{Name}", "a #{Name} b value")]
    [InlineData("###{Name}", "##{Name}")]
    [InlineData("##{", "#{")]
    public void Substitute_TreatsDoubleHash_AsAnEscapeForALiteralReference(string template, string expected)
    {
        var result = Substitute(template, ("Name", "value"));

        Assert.Equal(expected, result.Text);
        Assert.Empty(result.UnknownVariables);
    }

    [Fact]
    public void Substitute_LeavesUnknownVariablesAsIs_AndReportsEachOnce()
    {
        var result = Substitute("#{Missing} #{Known} #{missing} #{Other.Missing}", ("Known", "k"));

        Assert.Equal("#{Missing} k #{missing} #{Other.Missing}", result.Text);
        Assert.Equal(["Missing", "Other.Missing"], result.UnknownVariables);
    }

    [Theory]
    [InlineData("#{#{Inner}}")]
    [InlineData("#{if Flag}yes#{/if}")]
    [InlineData("#{unless Flag}no#{/unless}")]
    [InlineData("#{each item in List}#{item}#{/each}")]
    [InlineData("#{Name | ToUpper}")]
    [InlineData("#{calc 1 + 2}")]
    [InlineData("#{}")]
    [InlineData("#{  }")]
    [InlineData("#{else}")]
    public void Substitute_LeavesUnsupportedExpressionsAsIs_AndReportsThem(string template)
    {
        var result = Substitute(template, ("Inner", "i"), ("Flag", "True"), ("Name", "n"), ("List", "a,b"));

        Assert.Equal(template, result.Text);
        Assert.NotEmpty(result.UnsupportedExpressions);
        Assert.All(result.UnsupportedExpressions, e => Assert.Contains(e, template, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("#{Name", "#{Name")]
    [InlineData("#{oops #{Name}", "#{oops value")]
    [InlineData("# {Name} #Name {Name}", "# {Name} #Name {Name}")]
    [InlineData("trailing #", "trailing #")]
    [InlineData("", "")]
    public void Substitute_TreatsAnythingElseAsPlainText(string template, string expected)
    {
        Assert.Equal(expected, Substitute(template, ("Name", "value")).Text);
    }

    [Fact]
    public void Substitute_ExpandsReferencesInsideValues_LikeOctopus()
    {
        var result = Substitute("#{Url}", ("Url", "https://#{Host}:#{Port}/"), ("Host", "db"), ("Port", "5432"));

        Assert.Equal("https://db:5432/", result.Text);
    }

    [Fact]
    public void Substitute_LeavesARecursiveDefinitionAsIs_AndReportsIt()
    {
        var result = Substitute("[#{A}] [#{Self}]", ("A", "a#{B}"), ("B", "b#{A}"), ("Self", "x#{self}"));

        Assert.Equal("[ab#{A}] [x#{self}]", result.Text);
        Assert.Equal(["#{A}", "#{self}"], result.UnsupportedExpressions);
    }

    [Fact]
    public async Task Substitute_ExpandsEachValueOnce_WhenValuesReferToEachOtherManyTimes()
    {
        // V30 refers to V29 twice, which refers to V28 twice...: 2^30 expansions unless each value is expanded once.
        var variables = new ScriptVariableSet();
        variables.Set("V0", "");
        for (var i = 1; i <= 30; i++)
            variables.Set($"V{i}", $"#{{V{i - 1}}}#{{V{i - 1}}}");

        var result = await Task.Run(() => VariableSubstitution.Substitute("[#{V30}]", variables))
            .WaitAsync(TimeSpan.FromSeconds(10), Support.TestTimeout.Token());

        Assert.Equal("[]", result.Text);
    }

    [Fact]
    public void Substitute_StopsExpanding_BeyondTheMaximumDepth()
    {
        var variables = new ScriptVariableSet();
        variables.Set("V0", "end");
        for (var i = 1; i <= VariableSubstitution.MaxDepth + 5; i++)
            variables.Set($"V{i}", $"#{{V{i - 1}}}");

        var result = VariableSubstitution.Substitute($"#{{V{VariableSubstitution.MaxDepth + 5}}}", variables);

        Assert.Equal("#{V5}", result.Text);
        Assert.Equal(["#{V5}"], result.UnsupportedExpressions);
    }

    [Fact]
    public void Substitute_ReportsSensitiveVariablesUsed_IncludingThroughOtherValues()
    {
        var variables = new ScriptVariableSet();
        variables.Set("Password", "hunter22", isSensitive: true);
        variables.Set("ConnectionString", "Server=db;Password=#{Password}");
        variables.Set("Unused", "never-shown", isSensitive: true);
        variables.Set("Plain", "p");

        var result = VariableSubstitution.Substitute("#{ConnectionString} #{password} #{Plain}", variables);

        Assert.Equal("Server=db;Password=hunter22 hunter22 p", result.Text);
        Assert.Equal([new ScriptVariable("Password", "hunter22", true)], result.SensitiveVariables);
        Assert.Equal(["hunter22"], result.SensitiveValues);
    }

    [Fact]
    public void Substitute_ReportsTheExpandedValue_OfASensitiveTemplateVariable()
    {
        var result = Substitute("#{Token}", ("Token", "Bearer #{Raw}"), ("Raw", "abc123"));
        var variables = new ScriptVariableSet();
        variables.Set("Token", "Bearer #{Raw}", isSensitive: true);
        variables.Set("Raw", "abc123");

        var sensitive = VariableSubstitution.Substitute("#{Token}", variables);

        Assert.Empty(result.SensitiveVariables);
        Assert.Equal([new ScriptVariable("Token", "Bearer abc123", true)], sensitive.SensitiveVariables);
    }

    [Fact]
    public void SensitiveValues_MaskTheSubstitutedSecrets_WhenRegisteredWithTheMasker()
    {
        var variables = new ScriptVariableSet();
        variables.Set("Password", "hunter22", isSensitive: true);
        var result = VariableSubstitution.Substitute("login --password #{Password}", variables);
        var masker = new SecretMasker();

        masker.AddRange(result.SensitiveValues);

        Assert.Equal("login --password ********", masker.Mask(result.Text));
    }

    [Fact]
    public void Substitute_NeverThrows_ForRandomTemplates()
    {
        var random = new Random(11);
        string[] pieces = ["#", "##", "{", "}", "#{", "##{", "A", "a", " ", "|", "/", "[", "]", ".", "if ", "\uD800"];
        var variables = new ScriptVariableSet();
        variables.Set("A", "#{a}");
        variables.Set("B", "x#{A}#{ B }", isSensitive: true);
        variables.Set("C", "#{B}#{#{A}}##{C}");
        for (var i = 0; i < 5_000; i++)
        {
            var template = new System.Text.StringBuilder();
            for (var n = random.Next(0, 25); n > 0; n--)
                template.Append(n % 5 == 0 ? "#{" + "ABC"[random.Next(3)] + "}" : pieces[random.Next(pieces.Length)]);

            var result = VariableSubstitution.Substitute(template.ToString(), variables);

            Assert.NotNull(result.Text);
        }
    }

    private static SubstitutionResult Substitute(string template, params (string Name, string Value)[] values)
    {
        var variables = new ScriptVariableSet();
        foreach (var (name, value) in values)
            variables.Set(name, value);
        return VariableSubstitution.Substitute(template, variables);
    }
}
