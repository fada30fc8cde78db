namespace OctoLite.Cli.Output;

internal enum OutputFormat
{
    Table,
    Json,
}
