using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OctoLite.Cli.Client;
using OctoLite.Cli.Output;
using OctoLite.Hosting;

namespace OctoLite.Cli;

/// <summary>What one verb invocation works with: where to write, in which format, and a client for the chosen server.</summary>
internal sealed class CliContext(ParseResult parseResult, GlobalOptions options) : IDisposable
{
    private OctoLiteClient? _client;

    public TextWriter Out { get; } = parseResult.InvocationConfiguration.Output;
    public TextWriter Error { get; } = parseResult.InvocationConfiguration.Error;
    public OutputFormat Format { get; } = options.FormatOf(parseResult);
    public EnvironmentVariables Environment => options.Environment;
    public ParseResult ParseResult => parseResult;

    public DataPaths Paths => DataPaths.Resolve(parseResult.GetValue(options.DataDir), options.Environment);

    public ServerAddress Address => ServerAddress.Resolve(
        parseResult.GetValue(options.Server), parseResult.GetValue(options.ApiKey), parseResult.GetValue(options.DataDir), options.Environment);

    public OctoLiteClient Client => _client ??= new OctoLiteClient(Address);

    /// <summary>The clock and time zone times are shown in.</summary>
    public TimeProvider Time { get; } = TimeProvider.System;

    /// <summary>Writes <paramref name="value"/> as JSON when <c>-o json</c>, else calls <paramref name="table"/>.</summary>
    public void Render<T>(T value, JsonTypeInfo<T> typeInfo, Action<TextWriter, T> table)
    {
        if (Format == OutputFormat.Json)
        {
            Out.WriteLine(JsonSerializer.Serialize(value, typeInfo));
        }
        else
        {
            table(Out, value);
        }
    }

    /// <summary>Writes <paramref name="value"/> as one line of compact JSON, for streams of records (JSON lines).</summary>
    public void WriteJsonLine<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        Out.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    public void Dispose() => _client?.Dispose();
}
