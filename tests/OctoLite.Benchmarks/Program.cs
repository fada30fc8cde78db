// Scenario benchmarks of the published binary; see BenchmarkDocument for what is measured and how.
//   dotnet run -c Release --project tests/OctoLite.Benchmarks -- --binary artifacts/linux-x64/octolite --out docs/benchmarks.md [--runs 5]
//     [--scenarios all|startup|tasks|latency,ingest,throughput,dispatch]
using System.Runtime.InteropServices;
using OctoLite.Benchmarks;

// Composition only: one shutdown token for Ctrl+C and SIGTERM, so a cancelled run still kills its
// children and removes its temp dirs on the way out.
using var shutdown = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

return await BenchmarkProgram.RunAsync(args, Console.Out, Console.Error, shutdown.Token);

void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    shutdown.Cancel();
}
