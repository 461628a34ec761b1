using System.Runtime.CompilerServices;

namespace Localize.Integration.Tests;

internal static class TestHostSockets
{
    /// <summary>
    /// A web app built in this process on SQLite turns on inline socket completions for the whole process (the runtime
    /// reads the variable once, when the first socket is made) and for every process started after it. This process
    /// and the workers it starts also talk to PostgreSQL, whose synchronous column reads must not wait for the thread
    /// they block (see <c>LocalizeServerExtensions.AnswersOnTheSocketThread</c>): three workers on PostgreSQL timed
    /// out on exactly that. Set first, the variable stays as set here, so the web apps these tests start keep completions
    /// on the thread pool, except a server process a test starts as deployed (the address spec in WebSecurityTests);
    /// bench/public-site measures the inline path.
    /// </summary>
    [ModuleInitializer]
    internal static void KeepSocketCompletionsOnTheThreadPool()
    {
        Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") ?? "0");
    }
}
