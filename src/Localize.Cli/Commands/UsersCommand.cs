using System.CommandLine;
using Localize.Core.Review;
using Localize.Storage.People;
using Microsoft.Extensions.DependencyInjection;

namespace Localize.Cli.Commands;

/// <summary>
/// <c>localize users add|list|disable|enable|reset-password|set-locales|set-role</c>: accounts, from the machine that
/// holds the database (how a fresh install gets its first administrator, who then manages the others on
/// <c>/admin/users</c>, with the same rules). Each change is recorded in the audit trail under <c>--by</c>, an
/// administrator's account, or without it as the operating-system user at this machine.
/// </summary>
public static class UsersCommand
{
    public static Command Create(TextReader? standardInput)
    {
        var users = new Command("users", "Create and list the accounts of the review web app.");
        users.Subcommands.Add(CreateAdd(standardInput));
        users.Subcommands.Add(CreateList());
        users.Subcommands.Add(CreateChange("disable", "Disable an account: it can no longer sign in, sign, or be assigned; its history stays.\n\nExample: localize users disable ana",
            (people, r, ct) => people.SetDisabledAsync(r.Name, true, r.By, ct), name => $"{name} is disabled."));
        users.Subcommands.Add(CreateChange("enable", "Enable a disabled account again.\n\nExample: localize users enable ana",
            (people, r, ct) => people.SetDisabledAsync(r.Name, false, r.By, ct), name => $"{name} is enabled."));
        users.Subcommands.Add(CreateResetPassword());
        users.Subcommands.Add(CreateChange("set-locales", "Replace the locales a reviewer or editor works in.\n\nExample: localize users set-locales ana --locale es --locale es-MX",
            async (people, r, ct) =>
                await people.FindActorAsync(r.Name, ct) is { } person
                    ? await people.SetRoleAndLocalesAsync(r.Name, person.Roles.FirstOrDefault() ?? string.Empty, r.Locales, r.By, ct)
                    : $"there is no account named '{r.Name}'",
            name => $"{name}'s locales are saved.", withLocales: true));
        users.Subcommands.Add(CreateChange("set-role", "Replace an account's role (and its locales, for a reviewer or editor).\n\nExample: localize users set-role ben --role reviewer --locale es",
            (people, r, ct) => people.SetRoleAndLocalesAsync(r.Name, r.Role ?? string.Empty, r.Locales, r.By, ct),
            name => $"{name}'s role is saved.", withLocales: true, withRole: true));
        return users;
    }

    private static Command CreateAdd(TextReader? standardInput)
    {
        var name = new Argument<string>("name") { Description = "The account's sign-in name (letters, digits, - . _ @ +)" };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Roles.All)}", Required = true };
        var locales = new Option<string[]>("--locale") { Description = "A locale a reviewer or editor works in; repeat for several", AllowMultipleArgumentsPerToken = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password (at least 12 characters) from the first line of standard input; otherwise one is generated and printed once" };
        var add = new Command(
            "add",
            "Create an account.\n\nExamples:\n  localize users add admin --role admin\n  echo \"$PASSWORD\" | localize users add ana --role reviewer --locale es --password-stdin")
        {
            name, role, locales, passwordStdin,
        };
        add.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var people = scope.ServiceProvider.GetRequiredService<PeopleDirectory>();
            var generated = !parseResult.GetValue(passwordStdin);
            var password = generated ? PeopleDirectory.GeneratePassword() : await CliHost.ReadPasswordAsync(standardInput, cancellationToken);
            var userName = parseResult.GetRequiredValue(name);
            var problem = await people.AddAsync(userName, parseResult.GetRequiredValue(role), parseResult.GetValue(locales) ?? [], password, cancellationToken);
            if (problem is not null)
            {
                Console.Error.WriteLine($"cannot add {userName}: {problem}");
                return LocalizeCommandLine.Failed;
            }

            Console.WriteLine($"Account {userName} created.");
            if (generated)
            {
                // Printed once and never stored in clear: whoever runs this passes it on.
                Console.WriteLine($"Password: {password}");
            }

            return LocalizeCommandLine.Ok;
        });
        return add;
    }

    // New options for every command: an option belongs to the one command tree it was added to.
    private static Option<string> ByOption() => new("--by") { Description = "The administrator making the change (recorded in the audit trail); without it, the operating-system user at this machine" };

    /// <summary>What a change command was asked: the account, its new locales and role where the command takes them, and who asks.</summary>
    private sealed record ChangeRequest(string Name, IReadOnlyCollection<string> Locales, string? Role, string By);

    /// <summary>A command that changes one account through <see cref="PeopleDirectory"/> and says what it did.</summary>
    private static Command CreateChange(
        string verb,
        string description,
        Func<PeopleDirectory, ChangeRequest, CancellationToken, Task<string?>> change,
        Func<string, string> done,
        bool withLocales = false,
        bool withRole = false)
    {
        var name = new Argument<string>("name") { Description = "The account's sign-in name" };
        var locales = new Option<string[]>("--locale") { Description = "A locale the account works in; repeat for several", AllowMultipleArgumentsPerToken = true, Required = withLocales && !withRole };
        var by = ByOption();
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Roles.All)}", Required = true };
        var command = new Command(verb, description) { name, by };
        if (withLocales)
        {
            command.Options.Add(locales);
        }

        if (withRole)
        {
            command.Options.Add(role);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            var actor = await ActorAsync(services, parseResult.GetValue(by), cancellationToken);
            if (actor is null)
            {
                return LocalizeCommandLine.Failed;
            }

            await using var scope = services.CreateAsyncScope();
            var userName = parseResult.GetRequiredValue(name);
            var problem = await change(
                scope.ServiceProvider.GetRequiredService<PeopleDirectory>(),
                new ChangeRequest(userName, parseResult.GetValue(locales) ?? [], withRole ? parseResult.GetValue(role) : null, actor),
                cancellationToken);
            if (problem is not null)
            {
                Console.Error.WriteLine($"cannot {verb} {userName}: {problem}");
                return LocalizeCommandLine.Failed;
            }

            Console.WriteLine(done(userName));
            return LocalizeCommandLine.Ok;
        });
        return command;
    }

    private static Command CreateResetPassword()
    {
        var name = new Argument<string>("name") { Description = "The account's sign-in name" };
        var byOption = ByOption();
        var reset = new Command("reset-password", "Give an account a new generated password, printed once; its sessions end.\n\nExample: localize users reset-password ana")
        {
            name, byOption,
        };
        reset.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            var by = await ActorAsync(services, parseResult.GetValue(byOption), cancellationToken);
            if (by is null)
            {
                return LocalizeCommandLine.Failed;
            }

            await using var scope = services.CreateAsyncScope();
            var userName = parseResult.GetRequiredValue(name);
            var (password, problem) = await scope.ServiceProvider.GetRequiredService<PeopleDirectory>().ResetPasswordAsync(userName, by, cancellationToken);
            if (problem is not null)
            {
                Console.Error.WriteLine($"cannot reset the password of {userName}: {problem}");
                return LocalizeCommandLine.Failed;
            }

            Console.WriteLine($"New password for {userName} (shown once): {password}");
            return LocalizeCommandLine.Ok;
        });
        return reset;
    }

    /// <summary>Who the audit trail records: the named administrator, or the operating-system user at this machine.</summary>
    private static async Task<string?> ActorAsync(IServiceProvider services, string? by, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(by))
        {
            return $"cli:{Environment.UserName}";
        }

        var admin = await CliAccounts.FindAsync(
            services, by, "--role admin",
            actor => actor.IsInRole(Roles.Admin) ? null : $"{by} may not change accounts: that needs an admin (roles: {string.Join(", ", actor.Roles)})",
            cancellationToken);
        return admin?.Name;
    }

    private static Command CreateList()
    {
        var list = new Command("list", "List the accounts with their roles, locales and status.\n\nExample: localize users list");
        list.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var accounts = await scope.ServiceProvider.GetRequiredService<PeopleDirectory>().ListAccountsAsync(cancellationToken);
            CliTable.Write(
                ["Name", "Roles", "Locales", "Status"],
                accounts.Select(a => (IReadOnlyList<string>)[a.Name, string.Join(", ", a.Roles), string.Join(", ", a.Locales), a.IsDisabled ? "disabled" : "active"]));
            return LocalizeCommandLine.Ok;
        });
        return list;
    }
}
