using Dapper;
using Localize.Cli;

namespace Localize.Integration.Tests;

/// <summary>
/// <c>localize users disable|enable|reset-password|set-locales|set-role</c> as an administrator at the database's
/// machine uses them: each change takes effect (a disabled account cannot act, a reset password signs in), bad
/// locales are refused with the ones that exist, only an admin may be named as the one deciding, and every change is
/// in the audit trail, whose chain stays intact.
/// </summary>
public sealed class AccountCommandsTests
{
    private const string Password = "a long test passphrase";

    [Fact]
    public async Task Users_commands_change_accounts_refuse_what_is_wrong_and_record_each_change_in_the_audit_trail()
    {
        using var repository = new TestRepository();
        // The administrator's password is never typed here: let the CLI generate it.
        var root = await InProcessCli.RunAsync(repository, null, "users", "add", "root", "--role", "admin");
        Assert.True(root.ExitCode == LocalizeCommandLine.Ok, root.Errors);
        await InProcessCli.AddUserAsync(repository, "ana", "reviewer", Password, "es");

        var notALocale = await InProcessCli.RunAsync(repository, Password + "\n", "users", "add", "zed", "--role", "reviewer", "--locale", "xx-notalocale", "--password-stdin");
        Assert.Equal(LocalizeCommandLine.Failed, notALocale.ExitCode);
        Assert.Contains("'xx-notalocale' is not a locale: the pipelines translate into es, qps-ploc", notALocale.Errors);

        var byReviewer = await InProcessCli.RunAsync(repository, null, "users", "disable", "root", "--by", "ana");
        Assert.Equal(LocalizeCommandLine.Failed, byReviewer.ExitCode);
        Assert.Contains("ana may not change accounts: that needs an admin", byReviewer.Errors);

        var disabled = await InProcessCli.RunAsync(repository, null, "users", "disable", "ana", "--by", "root");
        Assert.True(disabled.ExitCode == LocalizeCommandLine.Ok, disabled.Errors);
        Assert.Contains("ana is disabled.", disabled.Output);
        Assert.Matches(@"ana\s.*reviewer.*es.*disabled", (await InProcessCli.RunAsync(repository, null, "users", "list")).Output);
        var twice = await InProcessCli.RunAsync(repository, null, "users", "disable", "ana");
        Assert.Equal(LocalizeCommandLine.Failed, twice.ExitCode);
        Assert.Contains("ana is already disabled", twice.Errors);

        // A disabled account acts nowhere: not in the CLI either.
        var approve = await InProcessCli.RunAsync(repository, null, "review", "approve", "--article", TestRepository.SeedSlug, "--locale", "es", "--reviewer", "ana");
        Assert.Equal(LocalizeCommandLine.Failed, approve.ExitCode);
        Assert.Contains("the account ana is disabled", approve.Errors);

        Assert.Equal(LocalizeCommandLine.Ok, (await InProcessCli.RunAsync(repository, null, "users", "enable", "ana", "--by", "root")).ExitCode);
        var locales = await InProcessCli.RunAsync(repository, null, "users", "set-locales", "ana", "--locale", "es", "--locale", "es-MX", "--by", "root");
        Assert.True(locales.ExitCode == LocalizeCommandLine.Ok, locales.Errors);
        Assert.Matches(@"ana\s.*reviewer.*es, es-MX.*active", (await InProcessCli.RunAsync(repository, null, "users", "list")).Output);
        var role = await InProcessCli.RunAsync(repository, null, "users", "set-role", "ana", "--role", "manager");
        Assert.True(role.ExitCode == LocalizeCommandLine.Ok, role.Errors);
        Assert.Equal(LocalizeCommandLine.Failed, (await InProcessCli.RunAsync(repository, null, "users", "set-role", "ana", "--role", "editor")).ExitCode);

        var reset = await InProcessCli.RunAsync(repository, null, "users", "reset-password", "ana", "--by", "root");
        Assert.True(reset.ExitCode == LocalizeCommandLine.Ok, reset.Errors);
        var newPassword = System.Text.RegularExpressions.Regex.Match(reset.Output, @"\(shown once\): (\S+)").Groups[1].Value;
        Assert.Equal(24, newPassword.Length);

        await using (var connection = await repository.OpenDatabaseAsync())
        {
            var trail = (await connection.QueryAsync<(string Actor, string Detail)>(
                "SELECT actor, detail FROM changes WHERE subject = 'account:ana' ORDER BY id")).ToArray();
            Assert.Equal(
                ["root: account disabled", "root: account enabled", "root: role reviewer → reviewer; locales es → es, es-MX", $"cli:{Environment.UserName}: role reviewer → manager; locales es, es-MX → none", "root: password reset by an administrator"],
                trail.Select(t => $"{t.Actor}: {t.Detail}"));
        }

        Assert.Equal(LocalizeCommandLine.Ok, (await InProcessCli.RunAsync(repository, null, "audit", "verify")).ExitCode);
        var unknown = await InProcessCli.RunAsync(repository, null, "review", "list", "--article", "no-such-article");
        Assert.Equal(LocalizeCommandLine.Failed, unknown.ExitCode);
        Assert.Contains("there is no article 'no-such-article'", unknown.Errors);

        // The old password no longer signs in; the new one does.
        await using var server = await RunningServer.StartAsync(repository);
        await Assert.ThrowsAsync<InvalidOperationException>(() => ReviewerClient.SignInAsync(server, "ana", Password));
        using var signedIn = await ReviewerClient.SignInAsync(server, "ana", newPassword);
    }
}
