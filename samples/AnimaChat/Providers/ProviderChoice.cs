namespace AnimaChat.Providers;

/// <summary>The provider, model and endpoint a session uses. The key is held but never printed.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="Model">The model id, or <see langword="null"/> offline.</param>
/// <param name="BaseUrl">The endpoint, or <see langword="null"/> when the provider's SDK knows it.</param>
/// <param name="Notice">Why the choice differs from what was asked, if it does (say, a missing key).</param>
internal sealed record ProviderChoice(ProviderInfo Provider, string? Model, Uri? BaseUrl, string? Notice)
{
    /// <summary>Gets the key; kept out of <see cref="ToString"/> and every message.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Gets a one-line description without the key.</summary>
    /// <returns>The provider, the model and the endpoint.</returns>
    public override string ToString() => Provider.Kind == ProviderKind.Offline
        ? "offline (no model connected)"
        : $"{Provider.Name} · {Model}{(BaseUrl is null ? string.Empty : $" · {BaseUrl}")}";

    /// <summary>Decides the provider from the command line, then the environment, then whichever key is set.</summary>
    /// <param name="commandLine">The parsed command line.</param>
    /// <param name="environment">Reads an environment variable; <see cref="Environment.GetEnvironmentVariable(string)"/> in the app.</param>
    /// <returns>The choice.</returns>
    /// <exception cref="CommandLineException">The provider is unknown, or a base URL or model is missing or malformed.</exception>
    public static ProviderChoice Resolve(CommandLine commandLine, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(environment);
        string? Env(string name) => environment(name) is { Length: > 0 } value ? value.Trim() : null;

        string? name = commandLine.Provider ?? Env("ANIMA_PROVIDER");
        ProviderInfo? provider;
        if (name is not null)
        {
            provider = ProviderCatalog.Find(name) ?? throw new CommandLineException(
                $"Unknown provider '{name}'. Known providers: {string.Join(", ", ProviderCatalog.All.Select(p => p.Name))}.");
        }
        else
        {
            provider = ProviderCatalog.All.FirstOrDefault(p => p.Kind != ProviderKind.Compatible && p.KeyVariable is { } key && Env(key) is not null)
                ?? ProviderCatalog.Get(ProviderKind.Offline);
        }

        if (provider.Kind == ProviderKind.Offline)
        {
            return new ProviderChoice(provider, null, null, null);
        }

        string? apiKey = provider.KeyVariable is { } variable ? Env(variable) : null;
        if (apiKey is null && provider.KeyVariable is not null && provider.Kind != ProviderKind.Compatible)
        {
            return new ProviderChoice(ProviderCatalog.Get(ProviderKind.Offline), null, null,
                $"{provider.KeyVariable} is not set, so {provider.Name} cannot be reached; running offline.");
        }

        string? model = commandLine.Model ?? Env("ANIMA_MODEL") ?? provider.DefaultModel
            ?? throw new CommandLineException($"Provider '{provider.Name}' needs a model: pass --model or set ANIMA_MODEL.");

        string? url = commandLine.BaseUrl ?? Env("ANIMA_BASE_URL") ?? (provider.Kind == ProviderKind.Ollama ? Env("OLLAMA_HOST") : null);
        Uri? baseUrl = provider.DefaultBaseUrl;
        if (url is not null)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
            {
                throw new CommandLineException($"Base URL '{url}' is not an absolute http or https address.");
            }

            baseUrl = parsed;
        }
        else if (provider.Kind == ProviderKind.Compatible)
        {
            throw new CommandLineException("Provider 'compatible' needs an endpoint: pass --base-url or set ANIMA_BASE_URL.");
        }

        return new ProviderChoice(provider, model, baseUrl, null) { ApiKey = apiKey };
    }
}
