using System.Text;
using AnimaChat;
using AnimaChat.Demo;
using AnimaChat.Embeddings;
using AnimaChat.Providers;
using AnimaChat.Repl;
using Anima;
using Spectre.Console;

// AnimaChat: talk with an agent that has an inner life, and watch that life move.
//   dotnet run --project samples/AnimaChat -- --demo      a scripted scene; no key, no input
//   dotnet run --project samples/AnimaChat                the REPL; offline unless a provider key is set
//   dotnet run --project samples/AnimaChat -- --embeddings minilm   semantic recall with a real model, offline
//   dotnet run --project samples/AnimaChat -- --help      every option
Console.OutputEncoding = Encoding.UTF8;

CommandLine commandLine;
ProviderChoice choice;
try
{
    commandLine = CommandLine.Parse(args);
    if (commandLine.Help)
    {
        Console.WriteLine(CommandLine.Usage);
        return 0;
    }

    if (commandLine.Demo)
    {
        return Scene.Play(Console.Out);
    }

    if (commandLine.CheckRecall)
    {
        using var minilm = new MiniLmEmbeddingGenerator();
        return await RecallCheck.RunAsync(Console.Out, minilm);
    }

    if (commandLine.ListModels)
    {
        AnsiConsole.Write(StateView.Models(current: null));
        return 0;
    }

    choice = ProviderChoice.Resolve(commandLine, Environment.GetEnvironmentVariable);
}
catch (CommandLineException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}

using var chatClient = ChatClientFactory.Create(choice);
using var embeddings = commandLine.Embeddings == "minilm" ? new MiniLmEmbeddingGenerator() : null;
var options = Character.Options(TimeProvider.System);
options.Embeddings = embeddings;
options.HistoryReducer = commandLine.Tokens == "o200k" ? TokenCounts.O200kHistory(options.HistoryTokenBudget) : null;
var agent = new AnimaCore(options, chatClient);
var store = Keeping.Open(commandLine.StorePath(Environment.GetEnvironmentVariable), agent, AnsiConsole.Console);
var session = new ReplSession(agent, AnsiConsole.Console, choice, TimeProvider.System, store);

// Ctrl+C cancels the reply being written; with no reply under way it ends the program as usual.
Console.CancelKeyPress += (_, e) => e.Cancel = session.CancelTurn();
return await session.RunAsync(Console.In);
