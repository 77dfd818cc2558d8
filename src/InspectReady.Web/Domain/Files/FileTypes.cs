namespace InspectReady.Web.Domain.Files;

/// <summary>
/// Accepted attachment types, recognised by their content signature, not their name: a renamed executable
/// is refused whatever it is called.
/// </summary>
public static class FileTypes
{
    public const int SignatureLength = 8;

    private static readonly byte[] Pdf = "%PDF"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Extension → (signature, content type).</summary>
    private static readonly Dictionary<string, (byte[] Signature, string ContentType)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = (Pdf, "application/pdf"),
        [".ofd"] = (Zip, "application/ofd"),
        [".docx"] = (Zip, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        [".xlsx"] = (Zip, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        [".zip"] = (Zip, "application/zip"),
        [".doc"] = (Ole, "application/msword"),
        [".xls"] = (Ole, "application/vnd.ms-excel"),
        [".jpg"] = (Jpeg, "image/jpeg"),
        [".jpeg"] = (Jpeg, "image/jpeg"),
        [".png"] = (Png, "image/png"),
    };

    public static string Accepted => "PDF、OFD、DOC/DOCX、XLS/XLSX、JPG/PNG、ZIP";

    /// <summary>The content type when the first bytes match what the extension promises; otherwise the reason.</summary>
    public static (string? ContentType, string? Error) Check(string fileName, ReadOnlySpan<byte> head)
    {
        var extension = Path.GetExtension(fileName);
        if (!Known.TryGetValue(extension, out var known))
        {
            return (null, $"文件“{fileName}”的类型不在允许范围内（{Accepted}）");
        }
        if (!head.StartsWith(known.Signature))
        {
            return (null, $"文件“{fileName}”的内容与扩展名{extension}不符（可能是改了扩展名的其他文件），已拒收");
        }
        return (known.ContentType, null);
    }

    /// <summary>PDF and images open in the browser; everything else downloads.</summary>
    public static bool Previewable(string contentType) => contentType is "application/pdf" or "image/jpeg" or "image/png";
}
