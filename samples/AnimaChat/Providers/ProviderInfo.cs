namespace AnimaChat.Providers;

/// <summary>What the REPL knows about one provider: where it lives, where its key comes from and which models suit it.</summary>
/// <param name="Kind">The provider.</param>
/// <param name="Name">The name used on the command line and in <c>ANIMA_PROVIDER</c>.</param>
/// <param name="DefaultBaseUrl">The endpoint used when no <c>--base-url</c> is given; <see langword="null"/> when the provider's SDK knows it.</param>
/// <param name="KeyVariable">The environment variable holding the key; <see langword="null"/> when none is needed.</param>
/// <param name="Models">Recommended models, the default first.</param>
internal sealed record ProviderInfo(ProviderKind Kind, string Name, Uri? DefaultBaseUrl, string? KeyVariable, IReadOnlyList<RecommendedModel> Models)
{
    /// <summary>Gets the model used when none is given.</summary>
    public string? DefaultModel => Models.Count > 0 ? Models[0].Id : null;
}

/// <summary>A model worth trying with Anima, and why.</summary>
/// <param name="Id">The model id the provider expects.</param>
/// <param name="Why">One line on what it is good for.</param>
internal sealed record RecommendedModel(string Id, string Why);
