using Localize.Core.Pipelines;
using Microsoft.Extensions.Logging.Abstractions;

namespace Localize.Core.Tests.Pipelines;

/// <summary>
/// A step declared alongside the one before it (back-translation beside machine translation) takes each batch the
/// leading step saves while that step is still working, not after it; the steps after both wait for both.
/// </summary>
public sealed class PipelineRunnerAlongsideTests
{
    [Fact]
    public async Task The_step_alongside_takes_each_batch_while_the_leading_step_still_works_and_the_next_step_waits_for_both()
    {
        var work = new Work(batches: 3);
        var runner = Runner(work, new Leading(work));

        await runner.RunOnceAsync(default);

        // The leading step only moves to its next batch once the step alongside has taken the last one: it never ran after it.
        Assert.Equal([1, 2, 3], work.Consumed);
        Assert.Equal(["leading done", "last"], work.Log.Where(l => l != "following pass"));
    }

    [Fact]
    public async Task When_the_leading_step_fails_the_step_alongside_stops_and_the_rest_of_the_pipeline_is_skipped()
    {
        var work = new Work(batches: 1);
        var runner = Runner(work, new FailingLeading(work));

        await runner.RunOnceAsync(default);

        Assert.Equal([1], work.Consumed);
        Assert.DoesNotContain("last", work.Log);
    }

    [Fact]
    public void A_step_can_only_run_alongside_the_step_declared_right_before_it()
    {
        var builder = new PipelineStepsBuilder().Use<Leading>("leading").Use<Last>("last");

        Assert.Contains("right before it", Assert.Throws<InvalidOperationException>(() => builder.UseOptional<Following>("following", alongside: "leading")).Message);
    }

    private static PipelineRunner Runner(Work work, IPipelineStep leading)
    {
        var order = new PipelineStepsBuilder()
            .Use<Leading>("leading")
            .UseOptional<Following>("following", alongside: "leading")
            .Use<Last>("last")
            .Build();
        IPipelineStep[] instances = [leading, new Following(work), new Last(work)];
        var steps = new PipelineSteps(order, type => instances.Single(s => s.Name == order.Steps.Single(d => d.StepType == type).Name));
        return new PipelineRunner(new Catalog(), steps, new PipelineRunProblems(), TimeProvider.System, NullLogger<PipelineRunner>.Instance);
    }

    /// <summary>Batches the leading step saves and the step alongside consumes, and what ran in which order.</summary>
    private sealed class Work(int batches)
    {
        private readonly object _gate = new();
        private readonly Dictionary<int, TaskCompletionSource> _taken = Enumerable.Range(1, batches)
            .ToDictionary(b => b, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

        public int Batches => batches;

        public List<int> Saved { get; } = [];

        public List<int> Consumed { get; } = [];

        public List<string> Log { get; } = [];

        public void Save(int batch)
        {
            lock (_gate)
            {
                Saved.Add(batch);
            }
        }

        public void ConsumeSaved()
        {
            lock (_gate)
            {
                foreach (var batch in Saved.Except(Consumed).ToArray())
                {
                    Consumed.Add(batch);
                    _taken[batch].TrySetResult();
                }

                Log.Add("following pass");
            }
        }

        public void Note(string what)
        {
            lock (_gate)
            {
                Log.Add(what);
            }
        }

        public Task Taken(int batch) => _taken[batch].Task;
    }

    private sealed class Leading(Work work) : IPipelineStep
    {
        public string Name => "leading";

        public async Task RunAsync(PipelineContext context, CancellationToken cancellationToken)
        {
            for (var batch = 1; batch <= work.Batches; batch++)
            {
                work.Save(batch);
                context.Progress.Report();
                await work.Taken(batch).WaitAsync(cancellationToken);
            }

            work.Note("leading done");
        }
    }

    private sealed class FailingLeading(Work work) : IPipelineStep
    {
        public string Name => "leading";

        public async Task RunAsync(PipelineContext context, CancellationToken cancellationToken)
        {
            work.Save(1);
            context.Progress.Report();
            await work.Taken(1).WaitAsync(cancellationToken);
            throw new InvalidOperationException("the engine broke");
        }
    }

    private sealed class Following(Work work) : IPipelineStep
    {
        public string Name => "following";

        public Task RunAsync(PipelineContext context, CancellationToken cancellationToken)
        {
            work.ConsumeSaved();
            return Task.CompletedTask;
        }
    }

    private sealed class Last(Work work) : IPipelineStep
    {
        public string Name => "last";

        public Task RunAsync(PipelineContext context, CancellationToken cancellationToken)
        {
            work.Note("last");
            return Task.CompletedTask;
        }
    }

    private sealed class Catalog : IPipelineCatalog
    {
        public IReadOnlyList<PipelineDefinition> Pipelines { get; } =
        [
            new("p", "pipelines/p.yaml", new SourceSettings("content", "**/*.md", "en", []), [], new ReviewRule(1), new PublishTarget("translations")),
        ];

        public IReadOnlyList<PipelineDefinitionException> Errors { get; } = [];
    }
}
