using AnimaChat;
using AnimaChat.Providers;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace Anima.Tests.Samples;

public sealed class ProviderTests
{
    private static readonly Dictionary<string, string> Keys = new()
    {
        ["OPENAI_API_KEY"] = "sk-openai-test",
        ["ANTHROPIC_API_KEY"] = "sk-ant-test",
        ["OPENROUTER_API_KEY"] = "sk-or-test",
        ["GROQ_API_KEY"] = "gsk-test",
        ["TOGETHER_API_KEY"] = "tg-test",
    };

    [Theory]
    [InlineData("openai", "gpt-4.1-mini", "https://api.openai.com/v1")]
    [InlineData("openrouter", "meta-llama/llama-3.3-70b-instruct", "https://openrouter.ai/api/v1")]
    [InlineData("groq", "llama-3.3-70b-versatile", "https://api.groq.com/openai/v1")]
    [InlineData("together", "meta-llama/Llama-3.3-70B-Instruct-Turbo", "https://api.together.xyz/v1")]
    [InlineData("ollama", "llama3.2", "http://localhost:11434")]
    [InlineData("anthropic", "claude-sonnet-4-5", null)]
    public void Create_EachProvider_BuildsAClientForItsEndpointAndModelWithoutANetworkCall(string provider, string model, string? endpoint)
    {
        var choice = ProviderChoice.Resolve(new CommandLine { Provider = provider }, name => Keys.GetValueOrDefault(name));

        using var client = ChatClientFactory.Create(choice);

        choice.Provider.Name.Should().Be(provider);
        choice.Model.Should().Be(model);
        var metadata = client.GetService<ChatClientMetadata>();
        metadata.Should().NotBeNull();
        metadata!.DefaultModelId.Should().Be(model);
        if (endpoint is not null)
        {
            metadata.ProviderUri!.ToString().TrimEnd('/').Should().Be(endpoint);
        }
    }

    [Fact]
    public void Create_CompatibleEndpoint_UsesTheGivenUrlAndModel()
    {
        var commandLine = CommandLine.Parse(["--provider", "compatible", "--base-url=http://127.0.0.1:1234/v1", "--model", "local-model"]);
        var choice = ProviderChoice.Resolve(commandLine, _ => null);

        using var client = ChatClientFactory.Create(choice);

        var metadata = client.GetService<ChatClientMetadata>()!;
        metadata.ProviderUri!.ToString().TrimEnd('/').Should().Be("http://127.0.0.1:1234/v1");
        metadata.DefaultModelId.Should().Be("local-model");
    }

    [Fact]
    public void Resolve_NothingConfigured_RunsOffline()
    {
        var choice = ProviderChoice.Resolve(new CommandLine(), _ => null);

        choice.Provider.Kind.Should().Be(ProviderKind.Offline);
        choice.Notice.Should().BeNull();
        ChatClientFactory.Create(choice).GetService<ChatClientMetadata>()!.ProviderName.Should().Be("offline");
    }

    [Fact]
    public void Resolve_NoProviderNamed_UsesTheFirstWhoseKeyIsSet()
    {
        var choice = ProviderChoice.Resolve(new CommandLine(), name => name == "GROQ_API_KEY" ? "gsk-test" : null);

        choice.Provider.Kind.Should().Be(ProviderKind.Groq);
        choice.ApiKey.Should().Be("gsk-test");
    }

    [Fact]
    public void Resolve_EnvironmentNamesProviderModelAndHost()
    {
        var environment = new Dictionary<string, string> { ["ANIMA_PROVIDER"] = "Ollama", ["ANIMA_MODEL"] = "mistral", ["OLLAMA_HOST"] = "http://gpu-box:11434" };

        var choice = ProviderChoice.Resolve(new CommandLine(), name => environment.GetValueOrDefault(name));

        choice.Provider.Kind.Should().Be(ProviderKind.Ollama);
        choice.Model.Should().Be("mistral");
        choice.BaseUrl.Should().Be(new Uri("http://gpu-box:11434"));
    }

    [Fact]
    public void Resolve_ProviderNamedWithoutItsKey_RunsOfflineAndSaysWhy()
    {
        var choice = ProviderChoice.Resolve(new CommandLine { Provider = "anthropic" }, _ => null);

        choice.Provider.Kind.Should().Be(ProviderKind.Offline);
        choice.Notice.Should().Contain("ANTHROPIC_API_KEY");
    }

    [Theory]
    [InlineData("gemini", null, null, "Unknown provider 'gemini'")]
    [InlineData("compatible", "m", null, "needs an endpoint")]
    [InlineData("compatible", null, "http://localhost:1234/v1", "needs a model")]
    [InlineData("openai", null, "ftp://example.test", "not an absolute http or https address")]
    [InlineData("openai", null, "not a url", "not an absolute http or https address")]
    public void Resolve_BadChoice_ThrowsNamingTheProblem(string provider, string? model, string? url, string message)
    {
        var act = () => ProviderChoice.Resolve(new CommandLine { Provider = provider, Model = model, BaseUrl = url }, name => Keys.GetValueOrDefault(name));

        act.Should().Throw<CommandLineException>().WithMessage($"*{message}*");
    }

    [Theory]
    [InlineData(new[] { "--bogus" }, "Unknown option '--bogus'")]
    [InlineData(new[] { "--model" }, "Option '--model' needs a value")]
    [InlineData(new[] { "--provider", "--demo" }, "Option '--provider' needs a value")]
    [InlineData(new[] { "--base-url=" }, "Option '--base-url' needs a value")]
    public void Parse_BadArguments_ThrowNamingTheOption(string[] args, string message)
    {
        var act = () => CommandLine.Parse(args);

        act.Should().Throw<CommandLineException>().WithMessage($"*{message}*");
    }

    [Fact]
    public void Parse_OptionNamesAreCaseInsensitive_AndValuesKeepTheirCase()
    {
        var commandLine = CommandLine.Parse(["--EMBEDDINGS=MiniLM", "--Tokens", "o200k", "--Model=Llama-3", "--check-recall"]);

        commandLine.Should().Be(new CommandLine { Embeddings = "minilm", Tokens = "o200k", Model = "Llama-3", CheckRecall = true });
    }

    [Theory]
    [InlineData(new[] { "--tokens", "words" }, "Unknown token count 'words'")]
    [InlineData(new[] { "--embeddings", "bert" }, "Unknown embeddings 'bert'")]
    [InlineData(new[] { "stray" }, "Unknown option 'stray'")]
    public void Parse_UnknownValues_AreNamed(string[] args, string message) =>
        FluentActions.Invoking(() => CommandLine.Parse(args)).Should().Throw<CommandLineException>().WithMessage($"*{message}*");

    [Fact]
    public void Parse_EveryOption_IsRead()
    {
        var commandLine = CommandLine.Parse(["--provider=groq", "--model", "llama-3.3-70b-versatile", "--base-url", "https://x.test/v1", "--models", "--demo", "-h", "--store", "a.db", "--no-store"]);

        commandLine.Should().Be(new CommandLine
        {
            Provider = "groq",
            Model = "llama-3.3-70b-versatile",
            BaseUrl = "https://x.test/v1",
            ListModels = true,
            Demo = true,
            Help = true,
            Store = "a.db",
            NoStore = true,
        });
    }

    [Fact]
    public void StorePath_FollowsNoStoreThenOptionThenEnvironmentThenDataFolder()
    {
        var environment = new Dictionary<string, string> { ["ANIMA_STORE"] = "/tmp/from-env.db" };

        new CommandLine { NoStore = true, Store = "x.db" }.StorePath(environment.GetValueOrDefault).Should().BeNull();
        new CommandLine { Store = "x.db" }.StorePath(environment.GetValueOrDefault).Should().Be("x.db");
        new CommandLine().StorePath(environment.GetValueOrDefault).Should().Be("/tmp/from-env.db");
        new CommandLine().StorePath(_ => null).Should().EndWith(Path.Combine("AnimaChat", "anima.db"));
    }
}
