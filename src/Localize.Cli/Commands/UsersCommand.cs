using System.CommandLine;
using System.Security.Cryptography;
using Localize.Core.Review;
using Localize.Storage.People;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Localize.Cli.Commands;

/// <summary>
/// <c>localize users add|list</c>: accounts, from the machine that holds the database (how a fresh install gets its
/// first administrator, who then creates the others on <c>/admin/users</c>).
/// </summary>
public static class UsersCommand
{
    public static Command Create()
    {
        var users = new Command("users", "Create and list the accounts of the review web app.");
        users.Subcommands.Add(CreateAdd());
        users.Subcommands.Add(CreateList());
        return users;
    }

    private static Command CreateAdd()
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
            var password = generated ? GeneratePassword() : (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') ?? string.Empty;
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

    private static Command CreateList()
    {
        var list = new Command("list", "List the accounts with their roles and locales.\n\nExample: localize users list");
        list.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = await CliHost.StartAsync(parseResult, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var table = new Table().AddColumns("Name", "Roles", "Locales");
            foreach (var person in await scope.ServiceProvider.GetRequiredService<PeopleDirectory>().ListAsync(cancellationToken))
            {
                table.AddRow(Markup.Escape(person.Name), string.Join(", ", person.Roles), Markup.Escape(string.Join(", ", person.Locales)));
            }

            AnsiConsole.Write(table);
            return LocalizeCommandLine.Ok;
        });
        return list;
    }

    /// <summary>Five groups of four lower-case letters and digits: 103 bits, easy to type once.</summary>
    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        return string.Join('-', Enumerable.Range(0, 5).Select(_ => RandomNumberGenerator.GetString(alphabet, 4)));
    }
}
