using System.Security.Claims;
using Dapper;
using Localize.Core.Audit;
using Localize.Core.Review;
using Localize.Storage.Workflow;
using Microsoft.AspNetCore.Identity;

namespace Localize.Storage.People;

/// <summary>
/// ASP.NET Core Identity's user store on the workflow database (SQLite or PostgreSQL) (Dapper, like the workflow stores: no EF Core).
/// Identity does the hashing, lockout arithmetic and stamps; this class only keeps what it decides. Roles are a fixed
/// set (<see cref="Roles"/>) kept per user; locales are claims.
/// </summary>
public sealed class SqlUserStore(LocalizeDatabase database, AuditKey auditKey) :
    IUserPasswordStore<LocalizeUser>,
    IUserSecurityStampStore<LocalizeUser>,
    IUserLockoutStore<LocalizeUser>,
    IUserRoleStore<LocalizeUser>,
    IUserClaimStore<LocalizeUser>
{
    private const string UserColumns = """
        id AS Id, user_name AS UserName, normalized_user_name AS NormalizedUserName, password_hash AS PasswordHash,
        security_stamp AS SecurityStamp, concurrency_stamp AS ConcurrencyStamp, lockout_enabled AS LockoutEnabled,
        lockout_end AS LockoutEnd, access_failed_count AS AccessFailedCount, created_at AS CreatedAt, disabled_at AS DisabledAt
        """;

    public async Task<IdentityResult> CreateAsync(LocalizeUser user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO users (id, user_name, normalized_user_name, password_hash, security_stamp, concurrency_stamp,
                                   lockout_enabled, lockout_end, access_failed_count, created_at)
                VALUES (@Id, @UserName, @NormalizedUserName, @PasswordHash, @SecurityStamp, @ConcurrencyStamp,
                        @LockoutEnabled, @lockoutEnd, @AccessFailedCount, @createdAt)
                """,
                Parameters(user), cancellationToken: cancellationToken));
        }
        catch (System.Data.Common.DbException ex) when (database.IsUniqueViolation(ex))
        {
            // The unique index decides, not a read before the insert: two admins adding the same name at once.
            return IdentityResult.Failed(new IdentityErrorDescriber().DuplicateUserName(user.UserName));
        }

        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(LocalizeUser user, CancellationToken cancellationToken)
    {
        var expected = user.ConcurrencyStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(Parameters(user));
        parameters.Add("expected", expected);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE users SET user_name = @UserName, normalized_user_name = @NormalizedUserName, password_hash = @PasswordHash,
                   security_stamp = @SecurityStamp, concurrency_stamp = @ConcurrencyStamp, lockout_enabled = @LockoutEnabled,
                   lockout_end = @lockoutEnd, access_failed_count = @AccessFailedCount, disabled_at = @disabledAt
            WHERE id = @Id AND concurrency_stamp = @expected
            """,
            parameters, cancellationToken: cancellationToken));
        return updated == 1 ? IdentityResult.Success : IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
    }

    public async Task<IdentityResult> DeleteAsync(LocalizeUser user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM users WHERE id = @Id", new { user.Id }, cancellationToken: cancellationToken));
        return IdentityResult.Success;
    }

    public async Task<LocalizeUser?> FindByIdAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition($"SELECT {UserColumns} FROM users WHERE id = @userId", new { userId }, cancellationToken: cancellationToken));
        return row?.ToUser();
    }

    public async Task<LocalizeUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            $"SELECT {UserColumns} FROM users WHERE normalized_user_name = @normalizedUserName", new { normalizedUserName }, cancellationToken: cancellationToken));
        return row?.ToUser();
    }

    /// <summary>Every account with its roles and locales, for the admin page and <c>localize users list</c>.</summary>
    public async Task<IReadOnlyList<ReviewActor>> ListPeopleAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var users = await connection.QueryAsync<(string Id, string UserName)>(new CommandDefinition("SELECT id, user_name FROM users ORDER BY normalized_user_name", cancellationToken: cancellationToken));
        var roles = (await connection.QueryAsync<(string UserId, string Role)>(new CommandDefinition("SELECT user_id, role FROM user_roles", cancellationToken: cancellationToken))).ToLookup(r => r.UserId, r => r.Role);
        var locales = (await connection.QueryAsync<(string UserId, string Value)>(new CommandDefinition(
            "SELECT user_id, claim_value FROM user_claims WHERE claim_type = @type", new { type = Roles.LocaleClaim }, cancellationToken: cancellationToken))).ToLookup(c => c.UserId, c => c.Value);
        return users.Select(u => new ReviewActor(u.UserName, roles[u.Id], locales[u.Id])).ToArray();
    }

    /// <summary>Every account with its roles, locales and whether it is disabled, by name.</summary>
    public async Task<IReadOnlyList<AccountSummary>> ListAccountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var disabled = (await connection.QueryAsync<(string UserName, DateTimeOffset? DisabledAt)>(new CommandDefinition("SELECT user_name, disabled_at FROM users", cancellationToken: cancellationToken)))
            .ToDictionary(u => u.UserName, u => u.DisabledAt, StringComparer.Ordinal);
        return [.. (await ListPeopleAsync(cancellationToken)).Select(p => new AccountSummary(
            p.Name, p.Roles, p.Locales,
            disabled.GetValueOrDefault(p.Name)))];
    }

    /// <summary>An administrator's change to an account, appended to the audit trail (subject <c>account:&lt;name&gt;</c>).</summary>
    public async Task RecordAccountChangeAsync(string userName, string from, string to, string actor, DateTimeOffset at, string detail, CancellationToken cancellationToken)
    {
        await database.InTransactionAsync(
            TransactionKind.AuditedWrite,
            (connection, transaction) => SqlAuditTrail.AppendAsync(
                connection, transaction, auditKey, 0, $"account:{userName}", from, to, actor, at, detail, string.Empty, string.Empty, cancellationToken),
            cancellationToken);
    }

    public async Task<bool> AnyUserAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM users", cancellationToken: cancellationToken)) > 0;
    }

    public Task<string> GetUserIdAsync(LocalizeUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id);

    public Task<string?> GetUserNameAsync(LocalizeUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(LocalizeUser user, string? userName, CancellationToken cancellationToken)
    {
        user.UserName = userName ?? string.Empty;
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(LocalizeUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedUserName);

    public Task SetNormalizedUserNameAsync(LocalizeUser user, string? normalizedName, CancellationToken cancellationToken)
    {
        user.NormalizedUserName = normalizedName ?? string.Empty;
        return Task.CompletedTask;
    }

    public Task SetPasswordHashAsync(LocalizeUser user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(LocalizeUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(LocalizeUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(LocalizeUser user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(LocalizeUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(LocalizeUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(LocalizeUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(LocalizeUser user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(LocalizeUser user, CancellationToken cancellationToken)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(LocalizeUser user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(LocalizeUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled);

    public Task SetLockoutEnabledAsync(LocalizeUser user, bool enabled, CancellationToken cancellationToken)
    {
        user.LockoutEnabled = enabled;
        return Task.CompletedTask;
    }

    public async Task AddToRoleAsync(LocalizeUser user, string roleName, CancellationToken cancellationToken)
    {
        var role = Roles.All.FirstOrDefault(r => string.Equals(r, roleName, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"there is no role '{roleName}'; the roles are {string.Join(", ", Roles.All)}");
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO user_roles (user_id, normalized_role, role) VALUES (@Id, @normalized, @role) ON CONFLICT DO NOTHING",
            new { user.Id, normalized = role.ToUpperInvariant(), role }, cancellationToken: cancellationToken));
    }

    public async Task RemoveFromRoleAsync(LocalizeUser user, string roleName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM user_roles WHERE user_id = @Id AND normalized_role = @normalized", new { user.Id, normalized = roleName.ToUpperInvariant() }, cancellationToken: cancellationToken));
    }

    public async Task<IList<string>> GetRolesAsync(LocalizeUser user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition("SELECT role FROM user_roles WHERE user_id = @Id ORDER BY role", new { user.Id }, cancellationToken: cancellationToken))];
    }

    public async Task<bool> IsInRoleAsync(LocalizeUser user, string roleName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM user_roles WHERE user_id = @Id AND normalized_role = @normalized", new { user.Id, normalized = roleName.ToUpperInvariant() }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<IList<LocalizeUser>> GetUsersInRoleAsync(string roleName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition(
            $"SELECT {UserColumns} FROM users WHERE id IN (SELECT user_id FROM user_roles WHERE normalized_role = @roleName)", new { roleName }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToUser())];
    }

    public async Task<IList<Claim>> GetClaimsAsync(LocalizeUser user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Type, string Value)>(new CommandDefinition(
            "SELECT claim_type, claim_value FROM user_claims WHERE user_id = @Id ORDER BY id", new { user.Id }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new Claim(r.Type, r.Value))];
    }

    public async Task AddClaimsAsync(LocalizeUser user, IEnumerable<Claim> claims, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        foreach (var claim in claims)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO user_claims (user_id, claim_type, claim_value) VALUES (@Id, @type, @value)",
                new { user.Id, type = claim.Type, value = claim.Value }, cancellationToken: cancellationToken));
        }
    }

    public async Task ReplaceClaimAsync(LocalizeUser user, Claim claim, Claim newClaim, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE user_claims SET claim_type = @newType, claim_value = @newValue WHERE user_id = @Id AND claim_type = @type AND claim_value = @value",
            new { user.Id, type = claim.Type, value = claim.Value, newType = newClaim.Type, newValue = newClaim.Value }, cancellationToken: cancellationToken));
    }

    public async Task RemoveClaimsAsync(LocalizeUser user, IEnumerable<Claim> claims, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        foreach (var claim in claims)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM user_claims WHERE user_id = @Id AND claim_type = @type AND claim_value = @value",
                new { user.Id, type = claim.Type, value = claim.Value }, cancellationToken: cancellationToken));
        }
    }

    public async Task<IList<LocalizeUser>> GetUsersForClaimAsync(Claim claim, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition(
            $"SELECT {UserColumns} FROM users WHERE id IN (SELECT user_id FROM user_claims WHERE claim_type = @type AND claim_value = @value)",
            new { type = claim.Type, value = claim.Value }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToUser())];
    }

    public void Dispose()
    {
        // Connections are opened and closed per call; nothing is held between calls.
    }

    private static object Parameters(LocalizeUser user) => new
    {
        user.Id,
        user.UserName,
        user.NormalizedUserName,
        user.PasswordHash,
        user.SecurityStamp,
        user.ConcurrencyStamp,
        // An integer 0/1 in both databases (PostgreSQL would not store a boolean parameter in an integer column).
        LockoutEnabled = user.LockoutEnabled ? 1L : 0L,
        lockoutEnd = user.LockoutEnd,
        user.AccessFailedCount,
        createdAt = user.CreatedAt,
        disabledAt = user.DisabledAt,
    };

    private sealed class UserRow
    {
        public string Id { get; init; } = string.Empty;
        public string UserName { get; init; } = string.Empty;
        public string NormalizedUserName { get; init; } = string.Empty;
        public string? PasswordHash { get; init; }
        public string SecurityStamp { get; init; } = string.Empty;
        public string ConcurrencyStamp { get; init; } = string.Empty;
        public long LockoutEnabled { get; init; }
        public DateTimeOffset? LockoutEnd { get; init; }
        public long AccessFailedCount { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? DisabledAt { get; init; }

        public LocalizeUser ToUser() => new()
        {
            Id = Id,
            UserName = UserName,
            NormalizedUserName = NormalizedUserName,
            PasswordHash = PasswordHash,
            SecurityStamp = SecurityStamp,
            ConcurrencyStamp = ConcurrencyStamp,
            LockoutEnabled = LockoutEnabled != 0,
            LockoutEnd = LockoutEnd,
            AccessFailedCount = (int)AccessFailedCount,
            CreatedAt = CreatedAt,
            DisabledAt = DisabledAt,
        };
    }
}
