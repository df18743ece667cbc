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

    /// <summary>Reads the arguments.</summary>
    /// <param name="args">The arguments after <c>--</c>.</param>
    /// <returns>What they ask for.</returns>
    /// <exception cref="CommandLineException">An option is unknown or lacks its value.</exception>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLine();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string? inlineValue = null;
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                inlineValue = arg[(equals + 1)..];
                arg = arg[..equals];
            }

            switch (arg.ToLowerInvariant())
            {
                case "--demo": result = result with { Demo = true }; break;
                case "--models": result = result with { ListModels = true }; break;
                case "--help" or "-h" or "-?": result = result with { Help = true }; break;
                case "--provider": result = result with { Provider = Value(ref i) }; break;
                case "--model": result = result with { Model = Value(ref i) }; break;
                case "--base-url": result = result with { BaseUrl = Value(ref i) }; break;
                case "--store": result = result with { Store = Value(ref i) }; break;
                case "--no-store": result = result with { NoStore = true }; break;
                case "--check-recall": result = result with { CheckRecall = true }; break;
                case "--embeddings":
                    string embeddings = Value(ref i).ToLowerInvariant();
                    result = result with
                    {
                        Embeddings = embeddings is "hashing" or "minilm" ? embeddings : throw new CommandLineException($"Unknown embeddings '{embeddings}'; use hashing or minilm."),
                    };
                    break;
                case "--tokens":
                    string tokens = Value(ref i).ToLowerInvariant();
                    result = result with
                    {
                        Tokens = tokens is "estimate" or "o200k" ? tokens : throw new CommandLineException($"Unknown token count '{tokens}'; use estimate or o200k."),
                    };
                    break;
                default: throw new CommandLineException($"Unknown option '{args[i]}'. Run with --help to see the options.");
            }

            string Value(ref int index)
            {
                if (inlineValue is not null)
                {
                    return inlineValue.Length > 0 ? inlineValue : throw new CommandLineException($"Option '{arg}' needs a value.");
                }

                if (index + 1 >= args.Count || args[index + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new CommandLineException($"Option '{arg}' needs a value.");
                }

                return args[++index];
            }
        }

        return result;
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
