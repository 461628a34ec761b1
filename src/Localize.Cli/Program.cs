using Localize.Cli;

return await LocalizeCommandLine.RunAsync(args);
