using Localize.Server.Hosting;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddLocalizeServer();
var app = builder.Build();
app.UseLocalizeServer();
try
{
    app.Run();
}
catch (OptionsValidationException ex)
{
    // A configuration mistake deserves one clear line, not a stack trace.
    Console.Error.WriteLine($"Localize cannot start: {string.Join("; ", ex.Failures)}");
    return 2;
}

return 0;
