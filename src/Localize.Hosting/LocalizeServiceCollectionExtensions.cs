using Localize.Core.Dashboard;
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
using Localize.Storage.Content;
using Localize.Storage.Dashboard;
using Localize.Storage.Memory;
using Localize.Storage.People;
using Localize.Storage.Publishing;
using Localize.Storage.Review;
using Localize.Storage.Sources;
using Localize.Storage.Translation;
using Localize.Storage.Webhooks;
using Localize.Storage.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Localize.Hosting;

public static class LocalizeServiceCollectionExtensions
{
    /// <summary>
    /// Everything the worker, the web app and the CLI share: options, the embedded store and content store, engines,
    /// the pipeline steps, the review rules and the accounts.
    /// </summary>
    /// <remarks>The steps a pipeline runs, in order: the one place that says so (<see cref="PipelineStepsBuilder"/>).</remarks>
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
        // The workflow's stores, one per responsibility; each caller takes only the ones it needs.
        services.AddSingleton<SqlSchema>();
        services.AddSingleton<IArticleStore, SqlArticleStore>();
        services.AddSingleton<ITranslationQueue, SqlTranslationQueue>();
        services.AddSingleton<ITranslationStore, SqlTranslationStore>();
        services.AddSingleton<IStatusQueries, SqlStatusQueries>();
        services.AddSingleton<IReviewQueries, SqlReviewQueries>();
        services.AddSingleton<IReviewAidStore, SqlReviewAidStore>();
        services.AddSingleton<IPublicationStore, SqlPublicationStore>();
        services.AddSingleton<ISourceFolder>(sp => new FileSystemSourceFolder(Options(sp).ResolvedRoot));
        services.AddOptions<ContentStoreOptions>()
            .Bind(configuration.GetSection(ContentStoreOptions.Section))
            .Validate(
                o => o.Kind != ContentStoreKind.AzureBlob || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Localize:ContentStore:ConnectionString is required when Localize:ContentStore:Kind is AzureBlob")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ContentStoreOptions>>().Value.Create(Options(sp).ResolvedRoot));
        // Machine output and usage persist beside the workflow, so a restart never pays for a translation twice.
        services.AddSingleton<IMachineTranslationCache>(sp => new SqlMachineTranslationCache(sp.GetRequiredService<LocalizeDatabase>()));
        services.AddSingleton<IUsageMeter>(sp => new SqlUsageMeter(sp.GetRequiredService<LocalizeDatabase>()));
        // Translation memory and glossaries live in the same database; the memory's fuzzy index is per process, in memory.
        services.AddSingleton<ITranslationMemory>(sp => new SqlTranslationMemory(sp.GetRequiredService<LocalizeDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IGlossaryStore>(sp => new SqlGlossaryStore(sp.GetRequiredService<LocalizeDatabase>()));
        services.AddLocalizeEngines(configuration);
        services.AddSingleton<ISegmentChecker, QualityCheckNotes>();
        services.AddSingleton<FilePipelineCatalog>();
        services.AddSingleton<IPipelineCatalog>(sp => sp.GetRequiredService<FilePipelineCatalog>());
        // Document formats, one line each; a newcomer's format is one class and one line here.
        services.AddSingleton<IDocumentFormat, MarkdownDocumentFormat>();
        services.AddSingleton<IDocumentFormat, ResxDocumentFormat>();
        services.AddSingleton<DocumentFormatRegistry>();
        services.AddLocalizePipelineSteps(steps => steps
            .Use<SourceIntakeStep>(SourceIntakeStep.StepName)
            .Use<CultureFileMemoryStep>(CultureFileMemoryStep.StepName)
            .Use<MachineTranslationStep>(MachineTranslationStep.StepName)
            // Review aids: a pipeline may go without them (steps: [...] in its file). Back-translation takes the targets
            // machine translation has finished while it translates the rest: the two overlap, within the engines' limits.
            .UseOptional<BackTranslationStep>(BackTranslationStep.StepName, alongside: MachineTranslationStep.StepName)
            .UseOptional<ReadabilityStep>(ReadabilityStep.StepName)
            .Use<PublishStep>(PublishStep.StepName)
            .Use<OutdatedMetadataStep>(OutdatedMetadataStep.StepName));
        services.AddSingleton<PipelineRunProblems>();
        services.AddSingleton<PipelineRunner>();
        services.AddSingleton<RollbackService>();
        services.AddSingleton<UnpublishService>();
        services.AddSingleton<IWebhookOutbox>(sp => new SqlWebhookOutbox(sp.GetRequiredService<LocalizeDatabase>()));
        services.AddSingleton<IReviewRecordStore, SqlReviewRecordStore>();
        services.AddSingleton<ISegmentHistoryStore, SegmentHistoryStore>();
        services.AddSingleton<ISegmentCommentStore, SegmentCommentStore>();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<PseudoRetranslation>();
        services.AddSingleton<BackTranslationEngines>();
        services.AddSingleton<SignOffService>();
        services.AddSingleton<Localize.Core.Xliff.XliffExchange>();
        services.AddLocalizePeople();
        services.AddLocalizeDashboard(configuration);
        services.AddLocalizeAudit(configuration);
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }

    /// <summary>
    /// The pipeline's steps as <paramref name="declare"/> orders them: each step is one singleton, and
    /// <see cref="PipelineSteps"/> hands them to the runner in that order.
    /// </summary>
    public static IServiceCollection AddLocalizePipelineSteps(this IServiceCollection services, Func<PipelineStepsBuilder, PipelineStepsBuilder> declare)
    {
        var order = declare(new PipelineStepsBuilder()).Build();
        foreach (var step in order.Steps)
        {
            services.AddSingleton(step.StepType);
        }

        services.AddSingleton(order);
        services.AddSingleton(sp => new PipelineSteps(order, type => (IPipelineStep)sp.GetRequiredService(type)));
        return services;
    }

    /// <summary>The dashboard's figures (<see cref="DashboardReader"/>) with the configured prices of machine translation.</summary>
    public static IServiceCollection AddLocalizeDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CostOptions>()
            .Bind(configuration.GetSection(CostOptions.Section))
            .Validate(o => o.PerMillionCharacters.Values.All(p => p >= 0), "Localize:Costs:PerMillionCharacters: a price cannot be negative")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Currency), "Localize:Costs:Currency must name a currency, e.g. USD")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var costs = sp.GetRequiredService<IOptions<CostOptions>>().Value;
            return new CostPrices(costs.Currency, new Dictionary<string, decimal>(costs.PerMillionCharacters, StringComparer.OrdinalIgnoreCase));
        });
        services.AddSingleton<IDashboardFacts>(sp => new SqlDashboardFacts(sp.GetRequiredService<LocalizeDatabase>(), PipelineRunner.WorkerActor));
        services.AddSingleton<DashboardReader>();
        return services;
    }


    /// <summary>
    /// Accounts with ASP.NET Core Identity on the SQLite store: what the web app and the CLI share (users, password
    /// hashing, lockout). The CLI needs no cookies, so those are added by the web app only.
    /// </summary>
    public static IServiceCollection AddLocalizePeople(this IServiceCollection services)
    {
        services.AddSingleton<SqlUserStore>();
        services.AddSingleton<IUserStore<LocalizeUser>>(sp => sp.GetRequiredService<SqlUserStore>());
        services.AddIdentityCore<LocalizeUser>(options =>
            {
                // Length over composition rules (NIST SP 800-63B): a passphrase is easier to remember and harder to guess.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);

                // "Confirmed" means "not disabled" here (ActiveAccountConfirmation): a disabled account cannot sign in.
                options.SignIn.RequireConfirmedAccount = true;
            })
            .AddClaimsPrincipalFactory<LocalizeClaimsPrincipalFactory>();
        services.AddScoped<IUserConfirmation<LocalizeUser>, ActiveAccountConfirmation>();
        services.AddScoped<PeopleDirectory>();
        return services;
    }

    private static LocalizeOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<LocalizeOptions>>().Value;
}
