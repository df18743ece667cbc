namespace AnimaChat.Providers;

/// <summary>The providers the REPL can reach and the models it recommends for each (as of late 2026; any model id the provider serves works).</summary>
internal static class ProviderCatalog
{
    /// <summary>Gets every provider, in the order the REPL looks for a key when none is chosen.</summary>
    public static IReadOnlyList<ProviderInfo> All { get; } =
    [
        new(ProviderKind.OpenAI, "openai", new Uri("https://api.openai.com/v1"), "OPENAI_API_KEY",
        [
            new("gpt-4.1-mini", "fast and cheap, follows the inner-state block closely"),
            new("gpt-4.1", "richer voice for long conversations"),
            new("o4-mini", "reasoning model: frustration raises its reasoning effort"),
        ]),
        new(ProviderKind.Anthropic, "anthropic", null, "ANTHROPIC_API_KEY",
        [
            new("claude-sonnet-4-5", "warm, nuanced first-person replies"),
            new("claude-haiku-4-5", "fast and inexpensive"),
        ]),
        new(ProviderKind.OpenRouter, "openrouter", new Uri("https://openrouter.ai/api/v1"), "OPENROUTER_API_KEY",
        [
            new("meta-llama/llama-3.3-70b-instruct", "open weights, good at role and tone"),
            new("google/gemini-2.5-flash", "fast, long context"),
            new("anthropic/claude-sonnet-4.5", "Claude through one OpenRouter key"),
        ]),
        new(ProviderKind.Groq, "groq", new Uri("https://api.groq.com/openai/v1"), "GROQ_API_KEY",
        [
            new("llama-3.3-70b-versatile", "very low latency"),
            new("openai/gpt-oss-120b", "open-weight reasoning model"),
        ]),
        new(ProviderKind.Together, "together", new Uri("https://api.together.xyz/v1"), "TOGETHER_API_KEY",
        [
            new("meta-llama/Llama-3.3-70B-Instruct-Turbo", "open weights, steady persona"),
            new("Qwen/Qwen2.5-72B-Instruct-Turbo", "strong multilingual replies"),
        ]),
        new(ProviderKind.Ollama, "ollama", new Uri("http://localhost:11434"), null,
        [
            new("llama3.2", "small and local, runs on a laptop"),
            new("qwen2.5:7b", "local, good instruction following"),
            new("mistral", "local, lively voice"),
        ]),
        new(ProviderKind.Compatible, "compatible", null, "ANIMA_API_KEY", []),
        new(ProviderKind.Offline, "offline", null, null, []),
    ];

    /// <summary>Finds a provider by its command-line name.</summary>
    /// <param name="name">The name, case-insensitive.</param>
    /// <returns>The provider, or <see langword="null"/> when the name is unknown.</returns>
    public static ProviderInfo? Find(string name) =>
        All.FirstOrDefault(p => p.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Gets the provider of a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Its catalogue entry.</returns>
    public static ProviderInfo Get(ProviderKind kind) => All.First(p => p.Kind == kind);
}
