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
    public static ChatClientBuilder UseAnima(this ChatClientBuilder builder, AnimaCore? agent = null, Action<AnimaChatClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) =>
        {
            var client = new AnimaChatClient(inner, agent ?? services.GetRequiredService<AnimaCore>());
            configure?.Invoke(client);
            return client;
        });
    }
}
