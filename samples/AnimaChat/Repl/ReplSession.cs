using System.Diagnostics.CodeAnalysis;
using System.Text;
using Anima;
using AnimaChat.Export;
using AnimaChat.Providers;
using Microsoft.Extensions.AI;
using Spectre.Console;

namespace AnimaChat.Repl;

/// <summary>
/// The read-eval-print loop: plain lines are chatted through the agent, slash commands push its state, show it,
/// export the session or reset it. Works the same on a terminal (with a live view) and on piped input.
/// </summary>
internal sealed class ReplSession
{
    private readonly AnimaCore _agent;
    private readonly IAnsiConsole _console;
    private readonly ProviderChoice _provider;
    private readonly TimeProvider _clock;
    private readonly bool _live;
    private readonly IAnimaStore? _store;
    private readonly Lock _turnLock = new();
    private CancellationTokenSource? _turn;

    /// <summary>Initializes a new instance of the <see cref="ReplSession"/> class.</summary>
    /// <param name="agent">The agent, already given its chat client.</param>
    /// <param name="console">Where everything is shown.</param>
    /// <param name="provider">The provider in use, shown in the banner and the export.</param>
    /// <param name="clock">The clock used to name exported files.</param>
    /// <param name="store">Where the agent is saved after every turn and command, under <see cref="AgentId"/>; none if null.</param>
    public ReplSession(AnimaCore agent, IAnsiConsole console, ProviderChoice provider, TimeProvider clock, IAnimaStore? store = null)
    {
        _store = store;
        _agent = agent;
        _console = console;
        _provider = provider;
        _clock = clock;
        _live = console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;
        Log = new SessionLog(provider.ToString(), agent.State);
    }

    /// <summary>Gets the commands the REPL understands, with what each does.</summary>
    public static IReadOnlyList<(string Command, string Description)> Commands { get; } =
    [
        .. Mood.All.Select(m => ($"/{m.Command}", $"the agent experiences it: {m.Description}")),
        ("/state", "everything the agent feels and measures, and the block the model reads"),
        ("/export [path]", "write the session log (JSON) and its trajectory chart (SVG)"),
        ("/reset", "the agent starts afresh; the conversation is forgotten"),
        ("/models", "recommended models for each provider"),
        ("/help", "this list"),
        ("/quit", "leave"),
    ];

    /// <summary>The id the REPL's agent is kept under in its store.</summary>
    public const string AgentId = "anima";

    /// <summary>Gets the session so far.</summary>
    public SessionLog Log { get; }

    /// <summary>Reads lines until <c>/quit</c> or the end of input.</summary>
    /// <param name="input">Where lines come from.</param>
    /// <param name="cancellationToken">Ends the loop.</param>
    /// <returns>The process exit code.</returns>
    public async Task<int> RunAsync(TextReader input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        _console.MarkupLine($"[bold]AnimaChat[/] · talking through {Markup.Escape(_provider.ToString())}");
        if (_provider.Notice is { } notice)
        {
            _console.MarkupLine($"[yellow]{Markup.Escape(notice)}[/]");
        }

        _console.MarkupLine("[grey]Type to talk. /help lists the commands; /quit leaves.[/]");
        _console.Write(StateView.Panel(_agent.State));

        while (!cancellationToken.IsCancellationRequested)
        {
            if (_live)
            {
                _console.Markup("[bold]you>[/] ");
            }

            string? line = await input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                break;
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (!_live)
            {
                // Piped input is not echoed by a terminal, so the transcript shows it.
                _console.MarkupLine($"[bold]you>[/] {Markup.Escape(line)}");
            }

            if (line[0] == '/')
            {
                if (!await CommandAsync(line))
                {
                    break;
                }
            }
            else
            {
                await ChatAsync(line, cancellationToken);
            }
        }

        _console.MarkupLine("[grey]Goodbye.[/]");
        return 0;
    }

    /// <summary>Cancels the chat turn under way, if any (Ctrl+C).</summary>
    /// <returns><see langword="true"/> if a turn was cancelled; <see langword="false"/> if none was running.</returns>
    public bool CancelTurn()
    {
        lock (_turnLock)
        {
            if (_turn is null)
            {
                return false;
            }

            _turn.Cancel();
            return true;
        }
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Any provider failure is reported and the session goes on; the agent keeps no half turn.")]
    private async Task ChatAsync(string line, CancellationToken cancellationToken)
    {
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lock (_turnLock)
        {
            _turn = turn;
        }

        var reply = new StringBuilder();
        try
        {
            if (_live)
            {
                await _console.Live(StateView.Panel(_agent.State, string.Empty)).AutoClear(false).StartAsync(async context =>
                {
                    await foreach (var update in _agent.ChatStreamingAsync(line, cancellationToken: turn.Token))
                    {
                        reply.Append(update.Text);
                        context.UpdateTarget(StateView.Panel(_agent.State, reply.ToString()));
                    }

                    context.UpdateTarget(StateView.Panel(_agent.State, reply.ToString()));
                });
            }
            else
            {
                _console.Markup("[bold]anima>[/] ");
                await foreach (var update in _agent.ChatStreamingAsync(line, cancellationToken: turn.Token))
                {
                    reply.Append(update.Text);
                    _console.Write(new Text(update.Text));
                }

                _console.WriteLine();
                _console.Write(StateView.Panel(_agent.State));
            }

            await RememberAsync("chat", line, reply.ToString());
        }
        catch (OperationCanceledException) when (turn.IsCancellationRequested)
        {
            _console.WriteLine();
            _console.MarkupLine("[yellow]Turn cancelled. The agent heard you, but the turn is not kept in the conversation.[/]");
            await RememberAsync("unanswered", line, null);
        }
        catch (Exception exception)
        {
            _console.WriteLine();
            _console.MarkupLine($"[red]The model could not answer:[/] {Markup.Escape(exception.Message)}");
            _console.MarkupLine("[grey]The agent heard you, but the turn is not kept in the conversation. Check the provider, model and key (/models).[/]");
            await RememberAsync("unanswered", line, null);
        }
        finally
        {
            lock (_turnLock)
            {
                _turn = null;
            }
        }
    }

    private async Task<bool> CommandAsync(string line)
    {
        int space = line.IndexOf(' ', StringComparison.Ordinal);
        string name = (space < 0 ? line[1..] : line[1..space]).ToLowerInvariant();
        string argument = space < 0 ? string.Empty : line[(space + 1)..].Trim();

        if (Mood.All.FirstOrDefault(m => m.Command == name) is { } mood)
        {
            var state = _agent.Experience(mood.Stimulus);
            await RememberAsync(mood.Command, line, null);
            _console.MarkupLine($"[grey]({Markup.Escape(mood.Description)})[/]");
            _console.Write(StateView.Panel(state));
            return true;
        }

        switch (name)
        {
            case "quit" or "exit":
                return false;
            case "state":
                _console.Write(StateView.Details(_agent.State, _agent.GetStatePrompt()));
                return true;
            case "export":
                Export(argument);
                return true;
            case "reset":
                _agent.Reset();
                _agent.ClearHistory();
                await RememberAsync("reset", line, null);
                _console.MarkupLine("[grey]The agent starts afresh and the conversation is forgotten.[/]");
                _console.Write(StateView.Panel(_agent.State));
                return true;
            case "models":
                _console.Write(StateView.Models(_provider));
                return true;
            case "help" or "?":
                var table = new Table().Border(TableBorder.None).HideHeaders().AddColumn("command").AddColumn("what");
                foreach (var (command, description) in Commands)
                {
                    table.AddRow(new Markup($"[bold]{Markup.Escape(command)}[/]"), new Text(description));
                }

                _console.Write(table);
                return true;
            default:
                _console.MarkupLine($"[yellow]Unknown command '/{Markup.Escape(name)}'.[/] Type /help for the list.");
                return true;
        }
    }

    /// <summary>Logs the moment and keeps the agent in its store; a failed save is reported and the session goes on.</summary>
    private async Task RememberAsync(string kind, string? input, string? reply)
    {
        Log.Record(kind, input, reply, _agent.State);
        if (_store is null)
        {
            return;
        }

        try
        {
            await _agent.SaveAsync(_store, AgentId);
        }
        catch (AnimaStoreException exception)
        {
            _console.MarkupLine($"[yellow]Could not keep the agent:[/] {Markup.Escape(exception.Message)}");
        }
    }

    private void Export(string argument)
    {
        string target = argument.Length > 0 ? argument : Directory.GetCurrentDirectory();
        try
        {
            var (json, svg) = Log.Export(target, _agent.Profile.Name, _clock.GetLocalNow());
            _console.MarkupLine($"Session log: [link]{Markup.Escape(json)}[/]");
            _console.MarkupLine($"Trajectory:  [link]{Markup.Escape(svg)}[/]");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            _console.MarkupLine($"[red]Could not export to '{Markup.Escape(target)}':[/] {Markup.Escape(exception.Message)}");
        }
    }
}
