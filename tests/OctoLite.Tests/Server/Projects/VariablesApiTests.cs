using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OctoLite.Server.Projects;
using OctoLite.Tests.Support;

namespace OctoLite.Tests.Server.Projects;

public sealed class VariablesApiTests
{
    private const string Secret = "pa55-Wörd-never-shown-7c1e";

    [Fact]
    public async Task Set_List_Change_Delete()
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/projects", RunningServer.Json("""{"Name":"Shop"}"""));

        var set = await server.Socket.PutAsync("api/projects/Shop/variables/Port", RunningServer.Json("""{"Value":"80"}"""));
        await server.Socket.PutAsync("api/projects/Projects-1/variables/Empty", RunningServer.Json("""{"value":""}"""));
        var changed = await server.Socket.PutAsync("api/projects/shop/variables/port", RunningServer.Json("""{"Value":"8080"}"""));
        var listed = (await server.GetJsonAsync("api/projects/Shop/variables")).AsArray();
        var deleted = await server.Socket.DeleteAsync("api/projects/Shop/variables/Empty");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(JsonNode.Parse(await set.Content.ReadAsStringAsync())!["Id"]!.GetValue<string>(), JsonNode.Parse(await changed.Content.ReadAsStringAsync())!["Id"]!.GetValue<string>());
        Assert.Equal(["Empty", "Port"], listed.Select(v => v!["Name"]!.GetValue<string>()));
        Assert.Equal("8080", listed[1]!["Value"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Single((await server.GetJsonAsync("api/projects/Shop/variables")).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await server.Socket.DeleteAsync("api/projects/Shop/variables/Empty")).StatusCode);
    }

    [Theory]
    [InlineData("""{"IsSensitive":true}""", "Value", "required")]
    [InlineData("""{"Value":1}""", "Value", "a string")]
    [InlineData("""{"Value":"x","Secret":true}""", "Secret", "Unknown field")]
    [InlineData("""{"Value":"x","IsSensitive":"yes"}""", "IsSensitive", "true or false")]
    public async Task Set_WithBadInput_Is400NamingTheField(string json, string field, string detail)
    {
        await using var server = await RunningServer.StartAsync();
        await server.Socket.PostAsync("api/projects", RunningServer.Json("""{"Name":"Shop"}"""));

        var response = await server.Socket.PutAsync("api/projects/Shop/variables/V", RunningServer.Json(json));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem["field"]!.GetValue<string>());
        Assert.Contains(detail, problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await server.GetJsonAsync("api/projects/Shop/variables")).AsArray());
    }

    [Fact]
    public async Task Set_InUnknownProject_Is404()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Socket.PutAsync("api/projects/Nope/variables/V", RunningServer.Json("""{"Value":"x"}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SensitiveValue_IsEncryptedAtRest_AndNeverReturnedAuditedOrPrinted()
    {
        using var temp = new TempDirectory();
        var seen = new StringBuilder();
        await using (var server = await RunningServer.StartAsync(temp))
        {
            await server.Socket.PostAsync("api/projects", RunningServer.Json("""{"Name":"Shop"}"""));
            Assert.False(File.Exists(server.Paths.MasterKeyFile), "no master key is needed before the first secret");

            var set = await server.Socket.PutAsync("api/projects/Shop/variables/DbPassword", RunningServer.Json($$"""{"Value":"{{Secret}}","IsSensitive":true}"""));
            var changed = await server.Socket.PutAsync("api/projects/Shop/variables/DbPassword", RunningServer.Json($$"""{"Value":"{{Secret}}-2"}"""));
            seen.Append(await set.Content.ReadAsStringAsync()).Append(await changed.Content.ReadAsStringAsync());
            var listed = (await server.GetJsonAsync("api/projects/Shop/variables")).AsArray();
            seen.Append(listed.ToJsonString());
            seen.Append((await server.GetJsonAsync("api/events?take=1000")).ToJsonString());
            foreach (var args in new[] { new[] { "variable", "list", "--project", "Shop" }, ["variable", "list", "--project", "Shop", "-o", "json"], ["audit", "list"], ["audit", "list", "-o", "json"] })
            {
                var (exitCode, output, error) = await server.CliAsync(args);
                Assert.Equal(0, exitCode);
                seen.Append(output).Append(error);
            }

            var (_, table, _) = await server.CliAsync("variable", "list", "--project", "Shop");
            var variable = Assert.Single(listed)!;
            var decrypted = server.Server.Services.GetRequiredService<VariableService>().ForExecution("Shop");

            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            Assert.True(variable["IsSensitive"]!.GetValue<bool>());
            Assert.Null(variable["Value"]);
            Assert.Contains("********", table);
            Assert.Equal($"{Secret}-2", Assert.Single(decrypted.Value!).Value);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(server.Paths.MasterKeyFile));
        }

        Assert.DoesNotContain(Secret, seen.ToString());
        foreach (var file in Directory.EnumerateFiles(temp.Path, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(Secret)), $"{file} holds the secret in UTF-8");
            Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(Secret)), $"{file} holds the secret in UTF-16");
        }
    }

    [Fact]
    public async Task SensitiveValue_SurvivesARestart_AndTurningSensitivityOffStoresPlainText()
    {
        using var temp = new TempDirectory();
        await using (var server = await RunningServer.StartAsync(temp))
        {
            await server.Socket.PostAsync("api/projects", RunningServer.Json("""{"Name":"Shop"}"""));
            await server.Socket.PutAsync("api/projects/Shop/variables/Token", RunningServer.Json("""{"Value":"abc","IsSensitive":true}"""));
        }

        await using var again = await RunningServer.StartAsync(temp);
        var service = again.Server.Services.GetRequiredService<VariableService>();
        var afterRestart = Assert.Single(service.ForExecution("Shop").Value!).Value;
        await again.Socket.PutAsync("api/projects/Shop/variables/Token", RunningServer.Json("""{"Value":"public","IsSensitive":false}"""));
        var listed = Assert.Single((await again.GetJsonAsync("api/projects/Shop/variables")).AsArray())!;

        Assert.Equal("abc", afterRestart);
        Assert.Equal("public", listed["Value"]!.GetValue<string>());
        Assert.False(listed["IsSensitive"]!.GetValue<bool>());
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
