using Anima;
using Spectre.Console;

namespace AnimaChat.Repl;

/// <summary>Keeps the REPL's agent in a SQLite file between runs, and resumes it on the next start.</summary>
internal static class Keeping
{
    /// <summary>Opens the store and resumes the agent kept there, if any. Problems are reported, never fatal.</summary>
    /// <param name="path">The SQLite file, or <see langword="null"/> to keep nothing.</param>
    /// <param name="agent">The freshly built agent, resumed in place.</param>
    /// <param name="console">Where to say what happened.</param>
    /// <returns>The store to save into, or <see langword="null"/> when nothing is kept.</returns>
    public static IAnimaStore? Open(string? path, AnimaCore agent, IAnsiConsole console)
    {
        if (path is null)
        {
            console.MarkupLine("[grey]Nothing is kept: the agent is forgotten when you leave.[/]");
            return null;
        }

        SqliteAnimaStore store;
        try
        {
            store = new SqliteAnimaStore(path);
        }
        catch (Exception exception) when (exception is AnimaStoreException or IOException or UnauthorizedAccessException)
        {
            console.MarkupLine($"[yellow]Cannot keep the agent in {Markup.Escape(path)}:[/] {Markup.Escape(exception.Message)} It will be forgotten when you leave.");
            return null;
        }

        try
        {
            if (agent.LoadAsync(store, ReplSession.AgentId).GetAwaiter().GetResult())
            {
                console.MarkupLine($"[grey]Resumed the agent from {Markup.Escape(store.Path)}, after {agent.State.ExperienceCount} experiences.[/]");
            }
            else
            {
                console.MarkupLine($"[grey]A new agent; it is kept in {Markup.Escape(store.Path)} (--no-store keeps nothing).[/]");
            }
        }
        catch (Exception exception) when (exception is AnimaStoreException or InvalidDataException)
        {
            console.MarkupLine($"[yellow]Could not resume the agent kept in {Markup.Escape(store.Path)}:[/] {Markup.Escape(exception.Message)} A new agent starts, and replaces it at the first save.");
        }

        return store;
    }
}
