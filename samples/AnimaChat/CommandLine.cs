using System.CommandLine;

namespace AnimaChat;

/// <summary>What the user asked for on the command line.</summary>
internal sealed record CommandLine
{
    /// <summary>Gets the text printed by <c>--help</c>.</summary>
    public const string Usage = """
        AnimaChat: talk with an agent that has an inner life, and watch that life move.

          dotnet run --project samples/AnimaChat -- [options]

          --demo               play a scripted scene with no key and no input
          --provider <name>    openai | anthropic | openrouter | groq | together | ollama | compatible | offline
          --model <id>         the model id (default: the provider's first recommended model)
          --base-url <url>     the endpoint (required for 'compatible'; optional for the others)
          --store <file>       keep the agent in this SQLite file (default: AnimaChat/anima.db in your data folder)
          --no-store           keep nothing; the agent starts afresh and is forgotten on exit
          --embeddings <name>  hashing (the default, offline, words only) | minilm (all-MiniLM-L6-v2, offline, meaning)
          --tokens <name>      estimate (the default: characters / 4) | o200k (count the history with GPT-4o's tokenizer, offline)
          --check-recall       check that MiniLM recalls paraphrased moments the hashing generator misses, and exit
          --models             list the recommended models and exit
          --help               show this text

        Environment: ANIMA_PROVIDER, ANIMA_MODEL, ANIMA_BASE_URL, ANIMA_STORE, OLLAMA_HOST, and the keys
        OPENAI_API_KEY, ANTHROPIC_API_KEY, OPENROUTER_API_KEY, GROQ_API_KEY, TOGETHER_API_KEY, ANIMA_API_KEY.
        With no provider chosen, the first provider whose key is set is used; with none, the agent runs offline.
        """;

    /// <summary>Gets a value indicating whether to play the scripted scene.</summary>
    public bool Demo { get; init; }

    /// <summary>Gets a value indicating whether to list the recommended models and exit.</summary>
    public bool ListModels { get; init; }

    /// <summary>Gets a value indicating whether to print the usage and exit.</summary>
    public bool Help { get; init; }

    /// <summary>Gets the provider named with <c>--provider</c>, if any.</summary>
    public string? Provider { get; init; }

    /// <summary>Gets the model named with <c>--model</c>, if any.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the endpoint given with <c>--base-url</c>, if any.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Gets the store file given with <c>--store</c>, if any.</summary>
    public string? Store { get; init; }

    /// <summary>Gets the embedding generator named with <c>--embeddings</c>: <c>hashing</c> (the default) or <c>minilm</c>.</summary>
    public string Embeddings { get; init; } = "hashing";

    /// <summary>Gets how the history's tokens are counted, named with <c>--tokens</c>: <c>estimate</c> (the default) or <c>o200k</c>.</summary>
    public string Tokens { get; init; } = "estimate";

    /// <summary>Gets a value indicating whether to run the recall check and exit.</summary>
    public bool CheckRecall { get; init; }

    /// <summary>Gets a value indicating whether <c>--no-store</c> asked to keep nothing.</summary>
    public bool NoStore { get; init; }

    /// <summary>Decides where the agent is kept: <c>--no-store</c>, then <c>--store</c>, then <c>ANIMA_STORE</c>, then the user's data folder.</summary>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns>The file, or <see langword="null"/> to keep nothing.</returns>
    public string? StorePath(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (NoStore)
        {
            return null;
        }

        if ((Store ?? environment("ANIMA_STORE")) is { Length: > 0 } chosen)
        {
            return chosen;
        }

        string data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        return Path.Combine(data.Length > 0 ? data : Path.GetTempPath(), "AnimaChat", "anima.db");
    }

    /// <summary>Reads the arguments with System.CommandLine; option names are case-insensitive, and a value may follow <c>=</c>.</summary>
    /// <param name="args">The arguments after <c>--</c>.</param>
    /// <returns>What they ask for.</returns>
    /// <exception cref="CommandLineException">An option is unknown, lacks its value, or has a value it does not take.</exception>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new Options();
        var parsed = options.Root.Parse([.. args.Select(Normalise)]);
        if (parsed.UnmatchedTokens.Count > 0)
        {
            throw new CommandLineException($"Unknown option '{parsed.UnmatchedTokens[0]}'. Run with --help to see the options.");
        }

        foreach (var option in options.Valued)
        {
            // No value, an empty one (--base-url=), or the next option taken for one (--provider --demo).
            if (parsed.GetResult(option) is { Implicit: false } given && (given.Tokens.Count == 0 || given.Tokens[0].Value.Length == 0 || given.Tokens[0].Value.StartsWith("--", StringComparison.Ordinal)))
            {
                throw new CommandLineException($"Option '{option.Name}' needs a value.");
            }
        }

        if (parsed.Errors.Count > 0)
        {
            throw new CommandLineException($"{parsed.Errors[0].Message} Run with --help to see the options.");
        }

        string embeddings = (parsed.GetValue(options.Embeddings) ?? "hashing").ToLowerInvariant();
        string tokens = (parsed.GetValue(options.Tokens) ?? "estimate").ToLowerInvariant();
        return new CommandLine
        {
            Demo = parsed.GetValue(options.Demo),
            ListModels = parsed.GetValue(options.Models),
            Help = parsed.GetValue(options.Help),
            Provider = parsed.GetValue(options.Provider),
            Model = parsed.GetValue(options.Model),
            BaseUrl = parsed.GetValue(options.BaseUrl),
            Store = parsed.GetValue(options.Store),
            NoStore = parsed.GetValue(options.NoStore),
            CheckRecall = parsed.GetValue(options.CheckRecall),
            Embeddings = embeddings is "hashing" or "minilm" ? embeddings : throw new CommandLineException($"Unknown embeddings '{embeddings}'; use hashing or minilm."),
            Tokens = tokens is "estimate" or "o200k" ? tokens : throw new CommandLineException($"Unknown token count '{tokens}'; use estimate or o200k."),
        };
    }

    /// <summary>Lower-cases an option's name (not its value): <c>--Provider=OpenAI</c> is <c>--provider=OpenAI</c>.</summary>
    private static string Normalise(string arg)
    {
        if (!arg.StartsWith('-'))
        {
            return arg;
        }

        int equals = arg.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? arg.ToLowerInvariant() : string.Concat(arg[..equals].ToLowerInvariant(), arg.AsSpan(equals));
    }

    /// <summary>The command's options; <see cref="Usage"/> is their help.</summary>
    private sealed class Options
    {
        public Options()
        {
            // The usage text is the sample's own (see Usage), so the built-in help and version options are not added.
            Root.Options.Clear();
            foreach (var option in new Option[] { Demo, Models, Help, NoStore, CheckRecall }.Concat(Valued))
            {
                Root.Options.Add(option);
            }
        }

        public RootCommand Root { get; } = new("AnimaChat: talk with an agent that has an inner life, and watch that life move.") { TreatUnmatchedTokensAsErrors = true };

        public Option<bool> Demo { get; } = new("--demo");

        public Option<bool> Models { get; } = new("--models");

        public Option<bool> Help { get; } = new("--help", "-h", "-?");

        public Option<bool> NoStore { get; } = new("--no-store");

        public Option<bool> CheckRecall { get; } = new("--check-recall");

        public Option<string> Provider { get; } = new("--provider");

        public Option<string> Model { get; } = new("--model");

        public Option<string> BaseUrl { get; } = new("--base-url");

        public Option<string> Store { get; } = new("--store");

        public Option<string> Embeddings { get; } = new("--embeddings");

        public Option<string> Tokens { get; } = new("--tokens");

        public Option<string>[] Valued => [Provider, Model, BaseUrl, Store, Embeddings, Tokens];
    }
}

/// <summary>The command line or the environment asks for something the REPL cannot do.</summary>
internal sealed class CommandLineException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="CommandLineException"/> class.</summary>
    public CommandLineException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CommandLineException"/> class with a message.</summary>
    /// <param name="message">What was wrong.</param>
    public CommandLineException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CommandLineException"/> class with a message and a cause.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CommandLineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
