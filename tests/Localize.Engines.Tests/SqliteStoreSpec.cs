using Localize.Core.Translation;
using Localize.Engines.Azure;
using Localize.Storage.Translation;
using Localize.Storage.Workflow;
using Localize.TranslatorEmulator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Localize.Engines.Tests;

/// <summary>The SQLite machine-output cache and usage meter, alone and under the shared layer across a restart.</summary>
public sealed class SqliteStoreSpec : IDisposable
{
    private static readonly DateOnly _monday = new(2026, 11, 23);
    private readonly string _dir = Directory.CreateTempSubdirectory("localize-mt-store-").FullName;

    /// <summary>The workflow database file with its migrations applied, as a host opens it at start-up.</summary>
    private async Task<SqliteDatabase> OpenDatabaseAsync()
    {
        var database = new SqliteDatabase(Path.Combine(_dir, "localize.db"));
        await database.MigrateAsync(Cancel);
        return database;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task The_cache_returns_outputs_with_flags_only_for_their_engine_pair_and_locale()
    {
        var cache = new SqlMachineTranslationCache(await OpenDatabaseAsync());
        var es = new MachineTranslationCacheScope("apertium", "en", "es");
        await cache.PutManyAsync(es, [KeyValuePair.Create("I have dizziness.", new EngineOutput("Tengo dizziness.", ["unknown-word: dizziness"]))], Cancel);

        var hit = await cache.GetManyAsync(es, ["I have dizziness.", "Not cached."], Cancel);
        var otherLocale = await cache.GetManyAsync(es with { Locale = "ca" }, ["I have dizziness."], Cancel);
        var otherEngine = await cache.GetManyAsync(es with { EngineId = "azure" }, ["I have dizziness."], Cancel);

        var output = Assert.Single(hit).Value;
        Assert.Equal("Tengo dizziness.", output.Text);
        Assert.Equal(["unknown-word: dizziness"], output.Flags);
        Assert.Empty(otherLocale);
        Assert.Empty(otherEngine);
    }

    [Fact]
    public async Task The_meter_sums_records_and_totals_them_at_the_grain_asked()
    {
        var meter = new SqlUsageMeter(await OpenDatabaseAsync());
        await meter.RecordAsync(
        [
            new UsageRecord(_monday, "azure", "es", "asthma", 1000, 1000, 10),
            new UsageRecord(_monday, "azure", "fr", "asthma", 1000, 990, 10),
            new UsageRecord(_monday.AddDays(1), "azure", "es", "diabetes", 500, 500, 5),
            new UsageRecord(_monday, "apertium", "es", "asthma", 700, 0, 7),
        ], Cancel);
        await meter.RecordAsync([new UsageRecord(_monday, "azure", "es", "asthma", 100, 100, 1)], Cancel);

        var byEngineAndLocale = await meter.QueryTotalsAsync(
            new UsageQuery(_monday, _monday.AddDays(6)) { GroupBy = UsageGrouping.Engine | UsageGrouping.Locale }, Cancel);
        var azureOnMonday = await meter.QueryTotalsAsync(
            new UsageQuery(_monday, _monday) { EngineId = "azure", GroupBy = UsageGrouping.None }, Cancel);
        var nothing = await meter.QueryTotalsAsync(new UsageQuery(_monday.AddDays(-9), _monday.AddDays(-8)), Cancel);

        Assert.Equal(
        [
            new UsageTotal("apertium", "es", null, null, 700, 0, 7),
            new UsageTotal("azure", "es", null, null, 1600, 1600, 16),
            new UsageTotal("azure", "fr", null, null, 1000, 990, 10),
        ], byEngineAndLocale);
        Assert.Equal([new UsageTotal(null, null, null, null, 2100, 2090, 21)], azureOnMonday);
        Assert.Empty(nothing);
    }

    [Fact]
    public async Task Machine_output_stored_in_SQLite_is_not_paid_for_again_after_a_restart()
    {
        await using var emulator = await Localize.TranslatorEmulator.TranslatorEmulator.StartAsync(cancellationToken: Cancel);
        var segments = Corpus.Articles(5, 8);
        var request = new MachineTranslationRequest("azure", "en", ["es", "fr"], segments);

        var before = await OpenDatabaseAsync();
        var first = await NewProcess(emulator, new SqlMachineTranslationCache(before), new SqlUsageMeter(before))
            .TranslateAsync(request, Cancel);
        var requestsBefore = emulator.Requests;
        // A restart: a new database object over the same file, as a new process opens it.
        var after = await OpenDatabaseAsync();
        var second = await NewProcess(emulator, new SqlMachineTranslationCache(after), new SqlUsageMeter(after))
            .TranslateAsync(request, Cancel);

        Assert.Equal(requestsBefore, emulator.Requests);
        Assert.Equal(first.Select(r => r.Text), second.Select(r => r.Text));
        var totals = await new SqlUsageMeter(after).QueryTotalsAsync(
            new UsageQuery(DateOnly.MinValue, DateOnly.MaxValue) { GroupBy = UsageGrouping.Document }, Cancel);
        Assert.Equal(5, totals.Count);
        Assert.Equal(emulator.CharactersMetered, totals.Sum(t => t.CharactersCharged));
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A fresh translator over the same database file, as after a restart.</summary>
    private static IMachineTranslator NewProcess(Localize.TranslatorEmulator.TranslatorEmulator emulator, IMachineTranslationCache cache, IUsageMeter meter) =>
        Translators.Create(
            new AzureTranslatorEngine(Options.Create(new AzureTranslatorOptions { Key = emulator.Key, Endpoint = emulator.BaseAddress })),
            cache,
            meter);
}
