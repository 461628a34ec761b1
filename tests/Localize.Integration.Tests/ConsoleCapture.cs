namespace Localize.Integration.Tests;

/// <summary>
/// Tests that run a CLI command in-process and read what it printed redirect the process-wide console; they share
/// this collection so that no two of them redirect it at the same time.
/// </summary>
[CollectionDefinition(nameof(ConsoleCapture))]
public sealed class ConsoleCapture;
