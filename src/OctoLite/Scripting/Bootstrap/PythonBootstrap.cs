namespace OctoLite.Scripting.Bootstrap;

/// <summary>
/// The bootstrap for Python steps: a Python 3 file that defines the Octopus helpers, then runs the step's script
/// as <c>__main__</c> with the helpers in its globals. Run unbuffered (<c>python3 -u</c>) so output and service
/// messages reach the log as they are printed.
/// </summary>
/// <remarks>
/// Helpers, with Calamari's names: <c>get_octopusvariable(name)</c> ('' when missing; case-sensitive),
/// <c>set_octopusvariable(name, value, sensitive=False)</c> (also updates <c>octopusvariables</c>),
/// <c>createartifact(path, fileName=None)</c> alias <c>new_octopusartifact</c> (length 0 when the file does not
/// exist yet, as in Calamari), <c>updateprogress(progress, message=None)</c>,
/// <c>failstep(message=None)</c> alias <c>fail_step</c> (resultMessage when a message is given, then
/// <c>sys.exit(-1)</c>: exit code 255, as in Calamari), <c>printverbose</c>, <c>printhighlight</c>,
/// <c>printwait</c>, <c>printwarning</c>; and the dictionary <c>octopusvariables</c>.
/// </remarks>
internal static class PythonBootstrap
{
    /// <summary>Writes the bootstrap and script files; returns the argv.</summary>
    public static IReadOnlyList<string> Write(string interpreter, BootstrapFiles files, string scriptBody)
    {
        PrivateFile.Write(files.Script, LineEndings.ToUnix(scriptBody));
        PrivateFile.Write(files.Bootstrap, Source(VariablesFile.Encode(files.Variables), VariablesFile.Encode(files.Script)));
        return [interpreter, "-u", files.Bootstrap];
    }

    // Paths travel base64-encoded, so no character in them can break the Python source.
    private static string Source(string variablesPath, string scriptPath) => $$"""
        # OctoLite step bootstrap for Python 3, written for one step.
        # It defines the Octopus helper functions, then runs the step's script as __main__ with them as globals.
        import base64 as _base64
        import os as _os
        import runpy as _runpy
        import sys as _sys


        def _octolite_text(encoded):
            return _base64.b64decode(encoded).decode('utf-8')


        def _octolite_b64(value):
            return _base64.b64encode(str(value).encode('utf-8')).decode('ascii')


        def _octolite_load(path):
            loaded = {}
            with open(path, 'r', encoding='ascii') as lines:
                for line in lines:
                    name, _, value = line.rstrip('\n').partition(' ')
                    loaded[_octolite_text(name)] = _octolite_text(value)
            return loaded


        def _octolite_block(kind, message):
            print('##octopus[stdout-' + kind + ']')
            print(message)
            print('##octopus[stdout-default]')


        octopusvariables = _octolite_load(_octolite_text('{{variablesPath}}'))


        def get_octopusvariable(name):
            return octopusvariables.get(name, '')


        def set_octopusvariable(name, value, sensitive=False):
            octopusvariables[name] = value
            message = "##octopus[setVariable name='" + _octolite_b64(name) + "' value='" + _octolite_b64(value) + "'"
            if sensitive:
                message += " sensitive='" + _octolite_b64('True') + "'"
            print(message + ']')


        def createartifact(path, fileName=None):
            full = _os.path.abspath(path)
            name = _os.path.basename(full) if fileName is None else fileName
            length = str(_os.path.getsize(full)) if _os.path.isfile(full) else '0'
            _octolite_block('verbose', 'Collecting ' + full + ' as artifact ' + name)
            print("##octopus[createArtifact path='" + _octolite_b64(full) + "' name='" + _octolite_b64(name) + "' length='" + _octolite_b64(length) + "']")


        def updateprogress(progress, message=None):
            text = '' if message is None else message
            print("##octopus[progress percentage='" + _octolite_b64(progress) + "' message='" + _octolite_b64(text) + "']")


        def failstep(message=None):
            if message:
                print("##octopus[resultMessage message='" + _octolite_b64(message) + "']")
            _sys.exit(-1)


        def printverbose(message):
            _octolite_block('verbose', message)


        def printhighlight(message):
            _octolite_block('highlight', message)


        def printwait(message):
            _octolite_block('wait', message)


        def printwarning(message):
            _octolite_block('warning', message)


        new_octopusartifact = createartifact
        fail_step = failstep

        _octolite_script = _octolite_text('{{scriptPath}}')
        _sys.argv = [_octolite_script]
        _runpy.run_path(_octolite_script, init_globals={k: v for k, v in globals().items() if not k.startswith('_')}, run_name='__main__')

        """;
}
