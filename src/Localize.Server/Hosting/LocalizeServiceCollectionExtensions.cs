using Localize.Core.Documents;
using Localize.Core.Glossaries;
using Localize.Core.Markdown;
using Localize.Core.Memory;
using Localize.Core.Pipelines;
using Localize.Core.Publishing;
using Localize.Core.Resx;
using Localize.Core.Review;
using Localize.Core.Sources;
using Localize.Core.Translation;
using Localize.Core.Webhooks;
using Localize.Core.Workflow;
using Localize.Engines;
using Localize.Server.Worker;
using Localize.Storage.Content;
using Localize.Storage.Memory;
using Localize.Storage.Sources;
using Localize.Storage.Translation;
using Localize.Storage.Webhooks;
using Localize.Storage.Workflow;
using Microsoft.Extensions.Options;

namespace Localize.Server.Hosting;

public static class LocalizeServiceCollectionExtensions
{
    /// <summary>
    /// Everything the worker, the web app and the CLI share: options, the embedded store and content store, engines,
    /// the pipeline steps, the review rules and the accounts.
    /// </summary>
    public static IServiceCollection AddLocalizeCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LocalizeOptions>()
            .Bind(configuration.GetSection(LocalizeOptions.Section))
            .ValidateDataAnnotations()
            .Validate(
                o => Directory.Exists(o.PipelinesFolder),
                "Localize:Root must be the repository folder that holds pipelines/ (run from the repository root, or set Localize__Root)")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        // SQLite is the embedded default; a PostgreSQL connection string (Localize:PostgreSql) points every worker and
        // web app at one shared database instead. The stores take whichever it is.
        services.AddSingleton(sp => new SqliteDatabase(Options(sp).DatabasePath));
        services.AddSingleton<LocalizeDatabase>(sp => Options(sp).PostgreSql is { Length: > 0 } postgres
            ? new PostgreSqlDatabase(postgres)
            : sp.GetRequiredService<SqliteDatabase>());
        services.AddSingleton(sp => WorkLease.ForThisProcess(Options(sp).LeaseDuration));
        services.AddSingleton<IWorkflowStore, SqliteWorkflowStore>();
        services.AddSingleton<ISourceFolder>(sp => new FileSystemSourceFolder(Options(sp).ResolvedRoot));
        services.AddOptions<ContentStoreOptions>()
            .Bind(configuration.GetSection(ContentStoreOptions.Section))
            .Validate(
                o => o.Kind != ContentStoreKind.AzureBlob || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Localize:ContentStore:ConnectionString is required when Localize:ContentStore:Kind is AzureBlob")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ContentStoreOptions>>().Value.Create(Options(sp).ResolvedRoot));
        // Machine output and usage persist beside the workflow, so a restart never pays for a translation twice.
        services.AddSingleton<IMachineTranslationCache>(sp => new SqliteMachineTranslationCache(sp.GetRequiredService<LocalizeDatabase>()));
        services.AddSingleton<IUsageMeter>(sp => new SqliteUsageMeter(sp.GetRequiredService<LocalizeDatabase>()));
        // Translation memory and glossaries live in the same database; the memory's fuzzy index is per process, in memory.
        services.AddSingleton<ITranslationMemory>(sp => new SqliteTranslationMemory(sp.GetRequiredService<LocalizeDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IGlossaryStore>(sp => new SqliteGlossaryStore(sp.GetRequiredService<LocalizeDatabase>()));
        services.AddLocalizeEngines(configuration);
        services.AddSingleton<ISegmentChecker, QualityCheckNotes>();
        services.AddSingleton<FilePipelineCatalog>();
        services.AddSingleton<IPipelineCatalog>(sp => sp.GetRequiredService<FilePipelineCatalog>());
        // Document formats, one line each; a newcomer's format is one class and one line here.
        services.AddSingleton<IDocumentFormat, MarkdownDocumentFormat>();
        services.AddSingleton<IDocumentFormat, ResxDocumentFormat>();
        services.AddSingleton<DocumentFormatRegistry>();
        services.AddSingleton<IPipelineStep, SourceIntakeStep>();
        services.AddSingleton<IPipelineStep, CultureFileMemoryStep>();
        services.AddSingleton<IPipelineStep, MachineTranslationStep>();
        services.AddSingleton<IPipelineStep, BackTranslationStep>();
        services.AddSingleton<IPipelineStep, ReadabilityStep>();
        services.AddSingleton<IPipelineStep, PublishStep>();
        services.AddSingleton<IPipelineStep, OutdatedMetadataStep>();
        services.AddSingleton<PipelineRunProblems>();
        services.AddSingleton<PipelineRunner>();
        services.AddSingleton<RollbackService>();
        services.AddSingleton<UnpublishService>();
        services.AddSingleton<IWebhookOutbox>(sp => new SqliteWebhookOutbox(sp.GetRequiredService<LocalizeDatabase>()));
        services.AddSingleton<IReviewRecordStore, SqliteReviewRecordStore>();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<PseudoRetranslation>();
        services.AddSingleton<SignOffService>();
        services.AddSingleton<Localize.Core.Xliff.XliffExchange>();
        services.AddLocalizePeople();
        services.AddLocalizeDashboard(configuration);
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }

    private static LocalizeOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<LocalizeOptions>>().Value;
}
