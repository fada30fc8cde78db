using OctoLite.Cli;
using OctoLite.Hosting;

return await CliProgram.RunAsync(args, EnvironmentVariables.Process, Console.Out, Console.Error);
