using System.Data;
using System.Globalization;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Localize.Storage.Workflow;

/// <summary>
/// How times are stored: <c>timestamptz</c> on PostgreSQL, fixed-width UTC text on SQLite (so ordering by these columns
/// is ordering by time). Stores pass and read <see cref="DateTimeOffset"/>; the Dapper handler below turns it into what
/// each database holds. Both keep microseconds — PostgreSQL's precision — so a time reads back exactly as it was
/// written, which the audit chain needs: it seals times before they are stored (<see cref="Stored"/>).
/// </summary>
internal static class SqlTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>The time as either database keeps it: UTC, to the microsecond.</summary>
    public static DateTimeOffset Stored(DateTimeOffset at)
    {
        var utc = at.UtcTicks;
        return new DateTimeOffset(utc - (utc % TicksPerMicrosecond), TimeSpan.Zero);
    }

    /// <summary>SQLite's text form.</summary>
    public static string Format(DateTimeOffset at) => Stored(at).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>
    /// Dapper maps DateTimeOffset by itself unless its built-in mapping is removed first. Called by
    /// <see cref="LocalizeDatabase"/>'s static constructor, so it is in place before any store runs a query.
    /// </summary>
    internal static void RegisterWithDapper()
    {
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(typeof(DateTimeOffset), new Handler());
    }

    /// <summary>Gives a parameter of a hand-built command a time (or null) as its database holds it.</summary>
    public static void Bind(IDbDataParameter parameter, DateTimeOffset? at)
    {
        if (parameter is NpgsqlParameter postgres)
        {
            // Typed even when null, so that "@time IS NULL" and COALESCE(@time, column) know what they compare.
            postgres.NpgsqlDbType = NpgsqlDbType.TimestampTz;
            postgres.Value = at is { } time ? Stored(time).UtcDateTime : DBNull.Value;
            return;
        }

        parameter.DbType = DbType.String;
        parameter.Value = at is { } text ? Format(text) : DBNull.Value;
    }

    private sealed class Handler : SqlMapper.ITypeHandler
    {
        public void SetValue(IDbDataParameter parameter, object? value) => Bind(parameter, value as DateTimeOffset?);

        public object Parse(Type destinationType, object value) => value switch
        {
            string text => SqlTime.Parse(text),
            DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
            DateTimeOffset at => at.ToUniversalTime(),
            _ => throw new InvalidCastException($"a time column held a {value.GetType().Name}, not a time"),
        };
    }
}
