using Localize.Core.Pipelines;

namespace Localize.Core.Tests.Pipelines;

/// <summary>The steps run in the order they are declared, and a pipeline runs the optional ones it names.</summary>
public sealed class PipelineStepsTests
{
    private static readonly PipelineStepOrder Order = new PipelineStepsBuilder()
        .Use<Intake>("intake")
        .UseOptional<Aid>("aid")
        .Use<Publish>("publish")
        .Build();

    [Fact]
    public void Steps_come_in_declared_order_whatever_order_they_are_built_in()
    {
        // Built last step first, as a container resolving in any order might.
        var instances = Order.Steps.Reverse().ToDictionary(d => d.StepType, d => (IPipelineStep)Activator.CreateInstance(d.StepType)!);
        var steps = new PipelineSteps(Order, type => instances[type]);

        Assert.Equal(["intake", "aid", "publish"], steps.All.Select(s => s.Name));
        Assert.Equal(["aid"], Order.OptionalSteps);
    }

    [Fact]
    public void A_pipeline_that_names_no_optional_step_runs_them_all_and_one_that_names_none_runs_only_the_others()
    {
        var steps = new PipelineSteps(Order, type => (IPipelineStep)Activator.CreateInstance(type)!);
        var every = Definition(null);
        var without = Definition(new HashSet<string>());

        Assert.Equal(["intake", "aid", "publish"], steps.For(every).Select(s => s.Name));
        Assert.Equal(["intake", "publish"], steps.For(without).Select(s => s.Name));
    }

    [Fact]
    public void A_step_declared_twice_or_under_another_name_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new PipelineStepsBuilder().Use<Intake>("intake").UseOptional<Aid>("intake"));
        var misnamed = new PipelineStepsBuilder().Use<Intake>("sources").Build();
        Assert.Contains("names itself 'intake'", Assert.Throws<InvalidOperationException>(() => new PipelineSteps(misnamed, _ => new Intake())).Message);
    }

    private static PipelineDefinition Definition(IReadOnlySet<string>? optionalSteps) =>
        new("p", "pipelines/p.yaml", new SourceSettings("content", "**/*.md", "en", []), [], new ReviewRule(1), new PublishTarget("translations"))
        {
            OptionalSteps = optionalSteps,
        };

    private abstract class Step(string name) : IPipelineStep
    {
        public string Name => name;

        public Task RunAsync(PipelineContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class Intake() : Step("intake");

    private sealed class Aid() : Step("aid");

    private sealed class Publish() : Step("publish");
}
