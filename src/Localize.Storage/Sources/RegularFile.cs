using System.Runtime.InteropServices;
using Localize.Core.Sources;
using Microsoft.Win32.SafeHandles;

namespace Localize.Storage.Sources;

/// <summary>
/// Opens a source file only when it is a regular file, without ever blocking. A FIFO opened for reading waits for a
/// writer for ever, a character device may never end or act on being opened, a socket cannot be opened at all, and a
/// folder is not an article: each is refused as <see cref="NotARegularFileException"/> naming what it is.
/// </summary>
/// <remarks>
/// .NET reports no file type beyond "directory" and "link", so on Linux the type comes from <c>statx</c> (its layout is
/// the same on every architecture): once on the path before opening, so a device is never opened, and once on the
/// open descriptor, which is opened with <c>O_NONBLOCK</c> (a FIFO then opens at once instead of waiting, and a
/// regular file reads as usual), so a file swapped for a FIFO between the two is refused too. Elsewhere a plain open
/// is used after the folder check.
/// </remarks>
internal static partial class RegularFile
{
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const int StatxBufferBytes = 256;
    private const int StatxModeOffset = 28;
    private const int FileTypeMask = 0xF000;
    private const int RegularFileType = 0x8000;

    // asm-generic values, the same on x86-64 and arm64: O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC.
    private const int OpenFlags = 0x0 | 0x100 | 0x800 | 0x80000;

    public static SafeFileHandle OpenRead(string path, string relativePath)
    {
        if (!OperatingSystem.IsLinux())
        {
            if (Directory.Exists(path))
            {
                throw new NotARegularFileException(relativePath, "a folder");
            }

            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }

        var buffer = new byte[StatxBufferBytes];
        if (Statx(-100 /* AT_FDCWD */, path, 0, StatxType, buffer) != 0)
        {
            throw Failure(path);
        }

        RefuseIfNotRegular(buffer, relativePath);
        var descriptor = Open(path, OpenFlags);
        if (descriptor < 0)
        {
            throw Failure(path);
        }

        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        try
        {
            if (Statx(descriptor, string.Empty, AtEmptyPath, StatxType, buffer) != 0)
            {
                throw Failure(path);
            }

            RefuseIfNotRegular(buffer, relativePath);
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static void RefuseIfNotRegular(byte[] statx, string relativePath)
    {
        var type = BitConverter.ToUInt16(statx, StatxModeOffset) & FileTypeMask;
        if (type != RegularFileType)
        {
            throw new NotARegularFileException(relativePath, type switch
            {
                0x1000 => "a FIFO (named pipe)",
                0x2000 => "a character device",
                0x4000 => "a folder",
                0x6000 => "a block device",
                0xC000 => "a socket",
                _ => $"a special file (type {type >> 12:X})",
            });
        }
    }

    private static IOException Failure(string path)
    {
        var errno = Marshal.GetLastPInvokeError();
        return errno == 2 /* ENOENT */
            ? new FileNotFoundException($"{path} does not exist", path)
            : new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(errno)}");
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);
}
