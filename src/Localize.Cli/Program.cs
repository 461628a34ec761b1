using Localize.Cli;

return await LocalizeCommandLine.Build().Parse(args).InvokeAsync();
