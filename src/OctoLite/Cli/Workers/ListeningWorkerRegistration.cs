using OctoLite.Domain;
using OctoLite.Server.Api;

namespace OctoLite.Cli.Workers;

/// <summary>What <c>worker register-listening -o json</c> prints: the worker made, and the connection check (null when skipped).</summary>
internal sealed record ListeningWorkerRegistration(Worker Worker, WorkerConnection? Connection);
