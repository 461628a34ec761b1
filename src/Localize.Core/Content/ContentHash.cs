using System.Security.Cryptography;
using System.Text;

namespace Localize.Core.Content;

/// <summary>The SHA-256 (lower-case hex) of a text's UTF-8 bytes: what names a source version, a localized version and
/// what a reviewer signs.</summary>
public static class ContentHash
{
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
