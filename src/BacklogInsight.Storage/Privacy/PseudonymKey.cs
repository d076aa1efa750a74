using System.Security.Cryptography;

namespace BacklogInsight.Storage.Privacy;

/// <summary>
/// The installation's secret behind the pseudonyms: 32 random bytes in <c>pseudonym.key</c> in the key ring folder,
/// made on first use. Without it nobody can tell who a pseudonym stands for; back it up with the key ring.
/// </summary>
public sealed class PseudonymKey(string folder)
{
    private readonly Lazy<byte[]> _bytes = new(() => LoadOrCreate(Path.Combine(folder, "pseudonym.key")));

    public byte[] Bytes => _bytes.Value;

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllBytes(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var file = new FileStream(path, options);
            file.Write(bytes);
            return bytes;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first; use theirs.
            return File.ReadAllBytes(path);
        }
    }
}
