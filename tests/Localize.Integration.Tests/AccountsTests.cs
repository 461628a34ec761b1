using System.Net;
using Dapper;
using Localize.Storage.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Integration.Tests;

/// <summary>
/// Accounts as a security reviewer would check them: a fresh install says how to create the first admin, passwords
/// are stored as Identity hashes, repeated failures lock the account, and the session cookie is HttpOnly and
/// SameSite=Strict.
/// </summary>
public sealed class AccountsTests
{
    private const string Password = "a long test passphrase";

    [Fact]
    public async Task A_fresh_install_explains_the_first_admin_then_sign_in_hashes_locks_out_and_sets_a_strict_cookie()
    {
        using var repository = new TestRepository();
        await using var server = await RunningServer.StartAsync(repository);

        using var anonymous = ReviewerClient.Anonymous(server);
        using (var review = await anonymous.GetAsync("/review"))
        {
            Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);
            Assert.Equal("/account/login", review.Headers.Location!.AbsolutePath);
        }

        Assert.Contains("users add admin --role admin", await anonymous.GetStringAsync("/account/login"));
        await RunningServer.WaitForAsync(() => Task.FromResult(server.Logs.Entries.Any(e => e.Message.Contains("users add admin --role admin"))), "the first-run notice in the log");

        await InProcessCli.AddUserAsync(repository, "admin", "admin", Password);
        Assert.DoesNotContain("users add admin", await anonymous.GetStringAsync("/account/login"));
        await using (var connection = await server.Services.GetRequiredService<LocalizeDatabase>().OpenConnectionAsync(default))
        {
            var hash = await connection.ExecuteScalarAsync<string>("SELECT password_hash FROM users WHERE user_name = 'admin'");
            Assert.DoesNotContain(Password, hash);
            Assert.StartsWith("AQAAAA", hash); // Identity's v3 format: PBKDF2 with salt and iteration count
        }

        using (var signIn = await anonymous.SubmitAsync("/account/login", null, new() { ["userName"] = "admin", ["password"] = Password }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("localize-session=", StringComparison.Ordinal));
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }

        using var intruder = ReviewerClient.Anonymous(server);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await intruder.SubmitAsync("/account/login", null, new() { ["userName"] = "admin", ["password"] = $"guess number {attempt} wrong" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var locked = await intruder.SubmitAsync("/account/login", null, new() { ["userName"] = "admin", ["password"] = Password });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync());
    }
}
