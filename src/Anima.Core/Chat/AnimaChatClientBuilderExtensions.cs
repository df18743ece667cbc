using Anima;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.AI;

/// <summary>Adds an <see cref="AnimaChatClient"/> to a chat client pipeline.</summary>
public static class AnimaChatClientBuilderExtensions
{
    /// <summary>
    /// Adds an inner life to the pipeline: an <see cref="AnimaChatClient"/> around the clients added after it.
    /// </summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="agent">The agent; when <see langword="null"/>, the <see cref="AnimaCore"/> registered in the pipeline's services (see <c>AddAnima</c>).</param>
    /// <param name="configure">Configures the middleware, if anything is to change.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">When the pipeline is built: no agent was given and none is registered; the message says to call <c>AddAnima</c>.</exception>
    public static ChatClientBuilder UseAnima(this ChatClientBuilder builder, AnimaCore? agent = null, Action<AnimaChatClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) =>
        {
            var client = new AnimaChatClient(inner, agent ?? services.GetService<AnimaCore>() ?? throw new InvalidOperationException(
                "UseAnima() found no agent: register one with services.AddAnima(...) before building the chat client, or pass one to UseAnima(agent)."));
            configure?.Invoke(client);
            return client;
        });
    }
}
