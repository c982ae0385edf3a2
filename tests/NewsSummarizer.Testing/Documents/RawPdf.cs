using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace NewsSummarizer.Testing.Documents;

/// <summary>Writes PDFs object by object, with a correct cross-reference table, for files no builder would make
/// (hostile nesting, stream bombs, self-referencing forms, encryption).</summary>
public static class RawPdf
{
    /// <summary>Objects 1..n in order; object 1 must be the catalog. <paramref name="trailer"/> is added to the
    /// trailer dictionary (for example an <c>/Encrypt</c> reference and an <c>/ID</c>).</summary>
    public static byte[] Build(IReadOnlyList<byte[]> objects, string trailer = "")
    {
        using var pdf = new MemoryStream();
        Write(pdf, "%PDF-1.7\n%\u00e2\u00e3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            Write(pdf, $"{i + 1} 0 obj\n");
            pdf.Write(objects[i]);
            Write(pdf, "\nendobj\n");
        }

        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        Write(pdf, table.ToString());
        Write(pdf, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {trailer} >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    public static byte[] Text(string text) => Encoding.Latin1.GetBytes(text);

    /// <summary>A stream object; <paramref name="deflate"/> compresses it with /FlateDecode.</summary>
    public static byte[] Stream(byte[] data, bool deflate, string extra = "")
    {
        var body = data;
        if (deflate)
        {
            using var compressed = new MemoryStream();
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(data);
            }

            body = compressed.ToArray();
        }

        using var stream = new MemoryStream();
        Write(stream, $"<< /Length {body.Length}{(deflate ? " /Filter /FlateDecode" : string.Empty)} {extra} >>\nstream\n");
        stream.Write(body);
        Write(stream, "\nendstream");
        return stream.ToArray();
    }

    /// <summary>Catalog, page tree, one page in Helvetica whose content stream is <paramref name="content"/>; more
    /// objects may follow (numbered from 6).</summary>
    public static byte[] OnePage(byte[] content, bool deflate, string pageExtra = "", params byte[][] more) =>
        Build([
            Text("<< /Type /Catalog /Pages 2 0 R >>"),
            Text("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Text($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> {pageExtra} >> >>"),
            Stream(content, deflate),
            Text("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
            .. more,
        ]);

    /// <summary>One page whose content stream is RC4-encrypted with the standard security handler (revision 2,
    /// 40-bit key; PDF 1.7 section 7.6.3): opening needs <paramref name="userPassword"/>. With an empty user password
    /// any reader opens it, which shows the encryption itself is sound.</summary>
    public static byte[] EncryptedOnePage(byte[] content, string userPassword, string ownerPassword = "owner")
    {
        byte[] id = [.. Enumerable.Range(1, 16).Select(i => (byte)(i * 13))];
        const int permissions = -44;
        var owner = Rc4(Md5(Pad(ownerPassword))[..5], Pad(userPassword));
        var key = Md5([.. Pad(userPassword), .. owner, .. BitConverter.GetBytes(permissions), .. id])[..5];
        var user = Rc4(key, Pad(string.Empty));
        var objectKey = Md5([.. key, 4, 0, 0, 0, 0])[..10];
        var encrypted = Rc4(objectKey, content);
        return Build(
            [
                Text("<< /Type /Catalog /Pages 2 0 R >>"),
                Text("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                Text("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
                Stream(encrypted, deflate: false),
                Text("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
                Text($"<< /Filter /Standard /V 1 /R 2 /O <{Convert.ToHexString(owner)}> /U <{Convert.ToHexString(user)}> /P {permissions} >>"),
            ],
            $"/Encrypt 6 0 R /ID [<{Convert.ToHexString(id)}> <{Convert.ToHexString(id)}>]");
    }

    private static readonly byte[] Padding =
    [
        0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
        0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
    ];

    private static byte[] Pad(string password) => [.. Encoding.Latin1.GetBytes(password).Concat(Padding).Take(32)];

#pragma warning disable CA5351 // The PDF standard security handler is defined on MD5 and RC4; this only builds test files.
    private static byte[] Md5(byte[] data) => System.Security.Cryptography.MD5.HashData(data);
#pragma warning restore CA5351

    private static byte[] Rc4(byte[] key, byte[] data)
    {
        var s = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + s[i] + key[i % key.Length]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
        }

        var output = new byte[data.Length];
        for (int n = 0, i = 0, j = 0; n < data.Length; n++)
        {
            i = (i + 1) & 0xFF;
            j = (j + s[i]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
            output[n] = (byte)(data[n] ^ s[(s[i] + s[j]) & 0xFF]);
        }

        return output;
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.Latin1.GetBytes(text));
}
