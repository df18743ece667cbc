namespace AnimaChat.Providers;

/// <summary>The kinds of model the REPL can talk to.</summary>
internal enum ProviderKind
{
    /// <summary>No model: a responder that says it is offline, so everything else still works.</summary>
    Offline,

    /// <summary>OpenAI's own endpoint.</summary>
    OpenAI,

    /// <summary>OpenRouter, an OpenAI-compatible gateway to many models.</summary>
    OpenRouter,

    /// <summary>Groq's OpenAI-compatible endpoint.</summary>
    Groq,

    /// <summary>Together AI's OpenAI-compatible endpoint.</summary>
    Together,

    /// <summary>Any other OpenAI-compatible endpoint (LM Studio, vLLM, llama.cpp server…), given by its base URL.</summary>
    Compatible,

    /// <summary>A local or remote Ollama server, through OllamaSharp.</summary>
    Ollama,

    /// <summary>Anthropic's Messages API, through the official <c>Anthropic</c> package.</summary>
    Anthropic,
}
