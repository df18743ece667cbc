using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Anima.Chat;

/// <summary>
/// Makes every text of a message that reaches a provider safe beside the inner-state block (see
/// <see cref="StatePrompt.Neutralize"/>): its text, the arguments of a tool call and the result of a tool. A message
/// with nothing to change is passed on as it is; one with something is copied, so the caller's objects never change.
/// </summary>
internal static class MessageDefuser
{
    /// <summary>Returns the message itself, or a copy whose texts can no longer touch the block.</summary>
    public static ChatMessage Defuse(ChatMessage message)
    {
        List<AIContent>? contents = null;
        for (int i = 0; i < message.Contents.Count; i++)
        {
            var content = message.Contents[i];
            var safe = Defuse(content);
            if (!ReferenceEquals(safe, content))
            {
                contents ??= [.. message.Contents];
                contents[i] = safe;
            }
        }

        if (contents is null)
        {
            return message;
        }

        var copy = message.Clone();
        copy.Contents = contents;
        return copy;
    }

    private static AIContent Defuse(AIContent content)
    {
        switch (content)
        {
            case TextContent text when !ReferenceEquals(StatePrompt.Neutralize(text.Text ?? string.Empty), text.Text ?? string.Empty):
                return new TextContent(StatePrompt.Neutralize(text.Text!)) { AdditionalProperties = text.AdditionalProperties };
            case TextReasoningContent reasoning when !ReferenceEquals(StatePrompt.Neutralize(reasoning.Text ?? string.Empty), reasoning.Text ?? string.Empty):
                return new TextReasoningContent(StatePrompt.Neutralize(reasoning.Text!));
            case FunctionCallContent call when call.Arguments is { } arguments && arguments.Any(static pair => Risky(pair.Value)):
                return new FunctionCallContent(call.CallId, call.Name, arguments.ToDictionary(static pair => pair.Key, static pair => Risky(pair.Value) ? (object?)Safe(pair.Value) : pair.Value))
                {
                    Exception = call.Exception,
                    InformationalOnly = call.InformationalOnly,
                    AdditionalProperties = call.AdditionalProperties,
                };
            case FunctionResultContent result when Risky(result.Result):
                return new FunctionResultContent(result.CallId, Safe(result.Result)) { Exception = result.Exception, AdditionalProperties = result.AdditionalProperties };
            default:
                return content;
        }
    }

    /// <summary>Whether a value, as the provider will see it, spells the block's tag name.</summary>
    private static bool Risky(object? value) => value is not null && !ReferenceEquals(StatePrompt.Neutralize(Text(value)), Text(value));

    /// <summary>The value as text, neutralised: what the provider would have read, made safe.</summary>
    private static string Safe(object? value) => StatePrompt.Neutralize(Text(value!));

    private static string Text(object value) => value switch
    {
        string text => text,
        JsonElement element => element.ValueKind == JsonValueKind.String ? element.GetString() ?? string.Empty : element.GetRawText(),
        _ => value.ToString() ?? string.Empty,
    };
}
