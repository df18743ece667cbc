using Anima;
using AnimaChat.Providers;
using AnimaChat.Repl;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console;

namespace Anima.Tests.Samples;

/// <summary>Runs the REPL in-process on a non-interactive console that writes to a string, as piped output would.</summary>
internal sealed class ReplHarness
{
    private readonly System.Text.StringBuilder _output = new();

    public ReplHarness(IChatClient? client = null, ProviderChoice? provider = null, bool terminal = false, IAnimaStore? store = null)
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        Provider = provider ?? ProviderChoice.Resolve(new AnimaChat.CommandLine(), _ => null);
        Agent = new AnimaCore(AnimaChat.Character.Options(Clock), client ?? ChatClientFactory.Create(Provider));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.TrueColor : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(new StringWriter(_output)),
        });
        Session = new ReplSession(Agent, console, Provider, Clock, store);
    }

    public FakeTimeProvider Clock { get; }

    public ProviderChoice Provider { get; }

    public AnimaCore Agent { get; }

    public ReplSession Session { get; }

    public string Output => _output.ToString();

    public async Task<int> RunAsync(params string[] lines)
    {
        using var input = new StringReader(string.Join('\n', lines) + "\n");
        return await Session.RunAsync(input);
    }
}
