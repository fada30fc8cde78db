namespace OctoLite.Scripting.Bootstrap;

/// <summary>Where a step's files go in its working folder (all absolute paths).</summary>
/// <param name="Variables">The variables file read by the helpers (<see cref="VariablesFile"/>).</param>
/// <param name="Bootstrap">The file the interpreter runs: helpers, then the script.</param>
/// <param name="Script">The step's script body, as given.</param>
internal sealed record BootstrapFiles(string Variables, string Bootstrap, string Script)
{
    /// <summary>The files for a script with extension <paramref name="extension"/> in <paramref name="folder"/>.</summary>
    public static BootstrapFiles In(string folder, string extension) => new(
        Path.Combine(folder, VariablesFile.FileName),
        Path.Combine(folder, $".octolite-bootstrap.{extension}"),
        Path.Combine(folder, $"Script.{extension}"));
}
