using System.ClientModel;
using Anthropic;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;

namespace AnimaChat.Providers;

/// <summary>Builds the <see cref="IChatClient"/> of a provider. Building never touches the network; the first request does.</summary>
internal static class ChatClientFactory
{
    /// <summary>Builds the client for a choice.</summary>
    /// <param name="choice">The provider, model, endpoint and key.</param>
    /// <returns>A client the agent can talk through.</returns>
    public static IChatClient Create(ProviderChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return choice.Provider.Kind switch
        {
            ProviderKind.Offline => new OfflineChatClient(),
            ProviderKind.OpenAI or ProviderKind.OpenRouter or ProviderKind.Groq or ProviderKind.Together or ProviderKind.Compatible =>
                new OpenAIClient(
                    // Local OpenAI-compatible servers usually take no key, but the SDK insists on one.
                    new ApiKeyCredential(choice.ApiKey ?? "no-key"),
                    new OpenAIClientOptions { Endpoint = choice.BaseUrl })
                .GetChatClient(choice.Model)
                .AsIChatClient(),
            ProviderKind.Ollama => new OllamaApiClient(choice.BaseUrl!, choice.Model!),
            ProviderKind.Anthropic => CreateAnthropic(choice),
            _ => throw new ArgumentOutOfRangeException(nameof(choice), choice.Provider.Kind, "Unknown provider kind."),
        };
    }

    private static IChatClient CreateAnthropic(ProviderChoice choice)
    {
        var client = new AnthropicClient { ApiKey = choice.ApiKey };
        if (choice.BaseUrl is { } url)
        {
            client = new AnthropicClient { ApiKey = choice.ApiKey, BaseUrl = url.ToString() };
        }

        return client.AsIChatClient(choice.Model);
    }
}
