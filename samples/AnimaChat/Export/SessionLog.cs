using System.Text.Json;
using Anima;

namespace AnimaChat.Export;

/// <summary>Everything that happened in one REPL session, in order, ready for <c>/export</c>.</summary>
internal sealed class SessionLog
{
    private readonly List<SessionEntry> _entries = [];

    /// <summary>Initializes a new instance of the <see cref="SessionLog"/> class with the agent as it starts.</summary>
    /// <param name="provider">The provider and model, without the key.</param>
    /// <param name="initial">The agent's state at the start.</param>
    public SessionLog(string provider, AnimaState initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        Provider = provider;
        StartedAt = initial.Timestamp;
        Record("start", null, null, initial);
    }

    /// <summary>Gets the provider and model.</summary>
    public string Provider { get; }

    /// <summary>Gets when the session began.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Gets the moments so far.</summary>
    public IReadOnlyList<SessionEntry> Entries => _entries;

    /// <summary>Adds a moment.</summary>
    /// <param name="kind">What happened: <c>chat</c>, a command name, or <c>reset</c>.</param>
    /// <param name="input">What the user typed.</param>
    /// <param name="reply">What the agent answered.</param>
    /// <param name="state">The state afterwards.</param>
    public void Record(string kind, string? input, string? reply, AnimaState state) =>
        _entries.Add(SessionEntry.From(_entries.Count, kind, input, reply, state));

    /// <summary>Builds the document that <see cref="Export"/> writes.</summary>
    /// <param name="profile">The agent's reactor profile name.</param>
    /// <returns>The document.</returns>
    public SessionDocument ToDocument(string profile) => new(SessionDocument.CurrentFormat, StartedAt, Provider, profile, [.. _entries]);

    /// <summary>
    /// Writes the log as JSON and the trajectory as SVG. <paramref name="target"/> is a folder (the files get
    /// timestamped names inside it) or a path whose extension, if any, is replaced by <c>.json</c> and <c>.svg</c>.
    /// </summary>
    /// <param name="target">Where to write.</param>
    /// <param name="profile">The agent's reactor profile name.</param>
    /// <param name="now">The time used in default file names.</param>
    /// <returns>The two files written.</returns>
    /// <exception cref="IOException">A file could not be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be written.</exception>
    public (string Json, string Svg) Export(string target, string profile, DateTimeOffset now)
    {
        string basePath = Directory.Exists(target) || target.EndsWith(Path.DirectorySeparatorChar) || target.EndsWith(Path.AltDirectorySeparatorChar)
            ? Path.Combine(target, $"anima-session-{now.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture)}")
            : Path.ChangeExtension(target, null);
        string full = Path.GetFullPath(basePath);
        if (Path.GetDirectoryName(full) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var document = ToDocument(profile);
        string json = full + ".json", svg = full + ".svg";
        WriteAtomically(json, stream => JsonSerializer.Serialize(stream, document, SessionJsonContext.Default.SessionDocument));
        WriteAtomically(svg, stream => TrajectoryChart.Write(document, stream));
        return (json, svg);
    }

    // Written beside the target and moved into place, so a failed export never leaves half a file.
    private static void WriteAtomically(string path, Action<Stream> write)
    {
        string temporary = path + ".tmp";
        try
        {
            using (var stream = File.Create(temporary))
            {
                write(stream);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
