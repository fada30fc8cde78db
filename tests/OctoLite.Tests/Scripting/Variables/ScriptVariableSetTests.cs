using OctoLite.Scripting.Variables;

namespace OctoLite.Tests.Scripting.Variables;

public sealed class ScriptVariableSetTests
{
    [Fact]
    public void TryGet_FindsAVariable_IgnoringCaseAndSurroundingWhitespace()
    {
        var variables = new ScriptVariableSet();
        variables.Set("Octopus.Environment.Name", "Production");

        Assert.True(variables.TryGet("octopus.environment.NAME", out var variable));
        Assert.Equal("Production", variable.Value);
        Assert.Equal("Production", variables.GetValue(" Octopus.Environment.Name "));
        Assert.True(variables.Contains("OCTOPUS.ENVIRONMENT.NAME"));
        Assert.Null(variables.GetValue("Octopus.Environment.Id"));
    }

    [Fact]
    public void Set_OverridesValueAndSensitivity_WhenTheNameIsSetAgainInAnotherCase()
    {
        var variables = new ScriptVariableSet();
        variables.Set("ConnectionString", "project", isSensitive: true);
        variables.Set("connectionstring", "environment");

        Assert.Equal(1, variables.Count);
        Assert.True(variables.TryGet("ConnectionString", out var variable));
        Assert.Equal(new ScriptVariable("connectionstring", "environment", false), variable);
    }

    [Fact]
    public void Constructor_KeepsTheLastValue_ForRepeatedNames()
    {
        var variables = new ScriptVariableSet([new("A", "1", false), new("B", "2", false), new("a", "3", false)]);

        Assert.Equal(2, variables.Count);
        Assert.Equal("3", variables.GetValue("A"));
    }

    [Fact]
    public void Set_StoresNullAsEmpty()
    {
        var variables = new ScriptVariableSet();
        variables.Set("Empty", null);

        Assert.Equal("", variables.GetValue("Empty"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Set_Throws_ForABlankName(string name)
    {
        Assert.Throws<ArgumentException>(() => new ScriptVariableSet().Set(name, "v"));
    }

    [Fact]
    public void SensitiveValues_ListsDistinctNonEmptySensitiveValues_Only()
    {
        var variables = new ScriptVariableSet();
        variables.Set("Password", "hunter22", isSensitive: true);
        variables.Set("Password2", "hunter22", isSensitive: true);
        variables.Set("ApiKey", "API-KEY-1", isSensitive: true);
        variables.Set("Blank", "", isSensitive: true);
        variables.Set("Plain", "visible");

        Assert.Equal(["API-KEY-1", "hunter22"], variables.SensitiveValues().Order());
    }

    [Fact]
    public void ToString_HidesTheValue_OfASensitiveVariable()
    {
        Assert.DoesNotContain("hunter22", new ScriptVariable("P", "hunter22", true).ToString(), StringComparison.Ordinal);
    }
}
