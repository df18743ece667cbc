using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using Orleans.Streams;

namespace Anima.Orleans;

/// <summary>What agent grains log, with event ids of their own.</summary>
internal static partial class AnimaGrainLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Agent {AgentId} wanted to speak first ({Need}) but its chat client failed; the initiative is published without words.")]
    public static partial void InitiativeFailed(ILogger logger, string agentId, Need need, Exception exception);
}

/// <summary>The grain behind <see cref="IAnimaGrain"/>: one agent, saved through grain storage, woken by its reminder.</summary>
internal sealed class AnimaGrain : Grain, IAnimaGrain, IRemindable
{
    /// <summary>The name of the state in grain storage.</summary>
    internal const string StateName = "anima";

    /// <summary>The name of the heartbeat reminder.</summary>
    internal const string HeartbeatReminder = "anima-heartbeat";

    private readonly AnimaAgentFactory _factory;
    private readonly ILogger<AnimaGrain> _logger;
    private readonly ConcurrentQueue<AnimaEvent> _raised = new();
    private GrainState<AnimaGrainState> _saved = null!;
    private IGrainStorage _storage = null!;
    private AnimaCore _agent = null!;
    private IAsyncStream<AnimaEvent>? _events;
    private IAsyncStream<AnimaInitiative>? _initiative;
    private string _id = "";
    private int _unsaved;
    private bool _broken;

    public AnimaGrain(AnimaAgentFactory factory, ILogger<AnimaGrain> logger) => (_factory, _logger) = (factory, logger);

    private AnimaGrainOptions Options => _factory.Options;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _id = this.GetPrimaryKeyString();
        var options = Options;
        _storage = ServiceProvider.GetKeyedService<IGrainStorage>(options.StorageName)
            ?? throw new InvalidOperationException($"No grain storage named '{options.StorageName}' is registered for Anima agents (AnimaGrainOptions.StorageName): register one, for example siloBuilder.AddMemoryGrainStorage(\"{options.StorageName}\") or siloBuilder.AddAnimaStoreGrainStorage(\"{options.StorageName}\", …).");
        _saved = new GrainState<AnimaGrainState>(new AnimaGrainState());
        await _storage.ReadStateAsync(StateName, GrainContext.GrainId, _saved, cancellationToken);
        var state = _saved.State ??= new AnimaGrainState();
        if (state.Agent is { } live)
        {
            _agent = live;
        }
        else
        {
            _agent = _factory.Create(_id);
            if (state.Document is { } document)
            {
                using var json = new MemoryStream(document, writable: false);
                _agent.ImportState(json);
            }

            state.Document = null;
        }

        _agent.EventOccurred += (_, e) => _raised.Enqueue(e);
        if (options.StreamProvider is { } provider)
        {
            var streams = this.GetStreamProvider(provider);
            _initiative = streams.GetStream<AnimaInitiative>(AnimaStreams.InitiativeOf(_id));
            _events = options.PublishEvents ? streams.GetStream<AnimaEvent>(AnimaStreams.EventsOf(_id)) : null;
        }

        if (options.HeartbeatPeriod is { } period)
        {
            await this.RegisterOrUpdateReminder(HeartbeatReminder, period, period, cancellationToken);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_unsaved > 0 && !_broken && _agent is not null)
        {
            await WriteAsync(cancellationToken);
        }
    }

    public async Task<AnimaStateView> ExperienceAsync(Stimulus stimulus, string? message = null)
    {
        EnsureSound();
        var state = _agent.Experience(stimulus, message);
        await CommitAsync();
        return View(state);
    }

    public async Task<AnimaReply> ChatAsync(string message, Person? person = null, CancellationToken cancellationToken = default)
    {
        EnsureSound();
        var response = person is null
            ? await _agent.ChatAsync(message, null, cancellationToken)
            : await _agent.ChatAsync(person, message, null, cancellationToken);
        await CommitAsync();
        return Reply(response.Text);
    }

    public async IAsyncEnumerable<string> ChatStreamingAsync(string message, Person? person = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EnsureSound();
        var updates = person is null
            ? _agent.ChatStreamingAsync(message, null, cancellationToken)
            : _agent.ChatStreamingAsync(person, message, null, cancellationToken);
        await foreach (var update in updates.WithCancellation(cancellationToken))
        {
            if (!string.IsNullOrEmpty(update.Text))
            {
                yield return update.Text;
            }
        }

        await CommitAsync();
    }

    public async Task<AnimaReply> InitiateAsync(Person? person = null, CancellationToken cancellationToken = default)
    {
        EnsureSound();
        var response = person is null
            ? await _agent.InitiateAsync(null, cancellationToken)
            : await _agent.InitiateAsync(person, null, cancellationToken);
        await CommitAsync();
        return Reply(response.Text);
    }

    public async Task<AnimaReply> HearAsync(string speakerId, string message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(speakerId);
        EnsureSound();
        var response = await _agent.ChatAsync(new Person(speakerId), message, null, cancellationToken);
        await CommitAsync();
        return Reply(response.Text);
    }

    public async Task<ImmutableArray<AnimaReply>> TalkWithAsync(string otherId, int turns, string? opening = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(otherId);
        ArgumentOutOfRangeException.ThrowIfLessThan(turns, 1);
        if (string.Equals(otherId, _id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Agent '{_id}' cannot talk with itself.", nameof(otherId));
        }

        EnsureSound();
        var other = GrainFactory.GetGrain<IAnimaGrain>(otherId);
        var them = new Person(otherId);
        var said = ImmutableArray.CreateBuilder<AnimaReply>(turns + 1);
        if (opening is null)
        {
            var first = await _agent.InitiateAsync(them, null, cancellationToken);
            await CommitAsync();
            said.Add(Reply(first.Text));
        }
        else
        {
            said.Add(Reply(opening));
        }

        for (int turn = 0; turn < turns; turn++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string last = said[^1].Text;
            if (turn % 2 == 0)
            {
                said.Add(await other.HearAsync(_id, last, cancellationToken));
            }
            else
            {
                var answer = await _agent.ChatAsync(them, last, null, cancellationToken);
                await CommitAsync();
                said.Add(Reply(answer.Text));
            }
        }

        return said.MoveToImmutable();
    }

    public async Task<AnimaStateView> HeartbeatAsync()
    {
        EnsureSound();
        var state = _agent.Heartbeat();
        await CommitAsync();
        return View(state);
    }

    public Task<AnimaStateView> GetStateAsync() => Task.FromResult(View(Sound.State));

    public Task<string> GetStatePromptAsync() => Task.FromResult(Sound.GetStatePrompt());

    public Task<string> ExportAsync() => Task.FromResult(Sound.ExportState());

    public async Task ImportAsync(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        EnsureSound();
        _agent.ImportState(document);
        await CommitAsync();
    }

    public Task<AnimaGrowth> GetGrowthAsync() => Task.FromResult(AnimaGrowth.From(Sound.GetGrowthReport()));

    public Task<ImmutableArray<Relationship>> GetRelationshipsAsync() =>
        Task.FromResult(Sound.People.GetAll().OrderByDescending(r => r.Warmth).ThenBy(r => r.PersonId, StringComparer.Ordinal).ToImmutableArray());

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!string.Equals(reminderName, HeartbeatReminder, StringComparison.Ordinal) || _broken)
        {
            return;
        }

        int before = _raised.Count;
        _agent.Heartbeat();
        var desire = _raised.Skip(before).OfType<DesireArisenEvent>().MaxBy(d => d.Strength);
        await CommitAsync(); // the beat is kept whatever follows
        if (desire is null)
        {
            return;
        }

        string? message = null;
        string? personId = null;
        if (Options.SpeakOnDesire && _agent.ChatClient is not null)
        {
            var last = _agent.People.GetAll().MaxBy(r => r.LastSpoke);
            ChatResponse? response = null;
            try
            {
                response = last is null ? await _agent.InitiateAsync() : await _agent.InitiateAsync(new Person(last.PersonId, last.Name));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The desire is real even when the model is not reachable: the host still hears of it, with no words.
                AnimaGrainLog.InitiativeFailed(_logger, _id, desire.Need, e);
            }

            if (response is not null)
            {
                (message, personId) = (response.Text, last?.PersonId);
                await CommitAsync();
            }
        }

        if (_initiative is not null)
        {
            await _initiative.OnNextAsync(new AnimaInitiative
            {
                AgentId = _id,
                Need = desire.Need,
                Strength = desire.Strength,
                Desire = desire.Text,
                Message = message,
                PersonId = personId,
                Timestamp = desire.Timestamp,
            });
        }
    }

    /// <summary>Saves the change when the policy says so, then publishes what the change raised.</summary>
    private async Task CommitAsync()
    {
        _unsaved++;
        int every = Options.SaveEvery;
        if (every > 0 && _unsaved >= every)
        {
            await WriteAsync(CancellationToken.None);
        }

        await PublishAsync();
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        var state = _saved.State ??= new AnimaGrainState();
        if (state.Agent is null)
        {
            using var json = new MemoryStream();
            _agent.ExportState(json);
            state.Document = json.ToArray();
        }

        try
        {
            await _storage.WriteStateAsync(StateName, GrainContext.GrainId, _saved, cancellationToken);
            _unsaved = 0;
        }
        catch
        {
            // The agent has moved past what storage holds: drop this activation so the next call finds the last saved turn.
            _broken = true;
            DeactivateOnIdle();
            throw;
        }
        finally
        {
            state.Document = null;
        }
    }

    private async Task PublishAsync()
    {
        if (_events is null)
        {
            _raised.Clear();
            return;
        }

        var batch = new List<AnimaEvent>(_raised.Count);
        while (_raised.TryDequeue(out var e))
        {
            batch.Add(e);
        }

        foreach (var e in batch)
        {
            await _events.OnNextAsync(e);
        }
    }

    private void EnsureSound()
    {
        if (_broken)
        {
            throw new InvalidOperationException($"Agent '{_id}' could not save its last change; this activation is being dropped so that the next call finds the agent as it was last saved. Retry the call.");
        }
    }

    /// <summary>The agent, for a read: a broken activation answers no reads either, since it holds what was never saved.</summary>
    private AnimaCore Sound
    {
        get
        {
            EnsureSound();
            return _agent;
        }
    }

    private AnimaStateView View(AnimaState state) => AnimaStateView.From(_id, state);

    private AnimaReply Reply(string text) => new() { AgentId = _id, Text = text, State = View(_agent.State) };
}
