using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace Anima.Agents;

/// <summary>
/// Gives a Microsoft Agent Framework agent an inner life. At the start of each run the agent hears the new user
/// messages (each appraised and lived through by the <see cref="AnimaCore"/>), and its state block, the felt first-person
/// desires of <see cref="AnimaCore.GetStatePrompt"/>, joins the run's instructions. At the end of the run it lives through
/// what happened: each tool result (a success satisfies, a failure stings, as <see cref="AnimaCore.ExperienceToolResult"/>)
/// and its own words. A run that failed is not lived through.
/// </summary>
/// <remarks>
/// Add it to a <c>ChatClientAgent</c> through <c>ChatClientAgentOptions.AIContextProviders</c>. One provider holds one
/// <see cref="AnimaCore"/>: give each character its own. The agent's state is the <see cref="AnimaCore"/>'s, saved and
/// loaded as any agent is (<see cref="AnimaCore.ExportState()"/>, <see cref="IAnimaStore"/>).
/// </remarks>
public sealed class AnimaContextProvider : AIContextProvider
{
    /// <summary>Initializes a provider for one agent's inner life.</summary>
    /// <param name="anima">The inner life.</param>
    /// <exception cref="ArgumentNullException"><paramref name="anima"/> is <see langword="null"/>.</exception>
    public AnimaContextProvider(AnimaCore anima)
    {
        ArgumentNullException.ThrowIfNull(anima);
        Anima = anima;
    }

    /// <summary>Gets the inner life this provider gives.</summary>
    public AnimaCore Anima { get; }

    /// <inheritdoc />
    protected override ValueTask<AIContext> ProvideAIContextAsync(InvokingContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var message in context.AIContext.Messages ?? [])
        {
            if (message.Role == ChatRole.User && message.Text is { Length: > 0 } text)
            {
                Anima.Experience(default, text);
            }
        }

        return ValueTask.FromResult(new AIContext { Instructions = Anima.GetStatePrompt() });
    }

    /// <inheritdoc />
    protected override ValueTask StoreAIContextAsync(InvokedContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.InvokeException is not null || context.ResponseMessages is null)
        {
            return ValueTask.CompletedTask;
        }

        foreach (var message in context.ResponseMessages)
        {
            foreach (var content in message.Contents)
            {
                if (content is FunctionResultContent result)
                {
                    Anima.ExperienceToolResult(result.Exception is null);
                }
            }

            if (message.Role == ChatRole.Assistant && message.Text is { Length: > 0 } said)
            {
                Anima.Experience(default, said);
            }
        }

        return ValueTask.CompletedTask;
    }
}
