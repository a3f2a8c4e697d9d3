using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace TriageBot.Tests.Deployment;

/// <summary>
/// Just enough of PNG (RFC 2083) to check app icons: the IHDR header, chunk CRCs, and the pixels of non-interlaced
/// 8-bit grey, grey+alpha, RGB and RGBA images, whatever row filters the encoder chose.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = BuildCrcTable();

    private readonly byte[] pixels;
    private readonly int channels;

    private PngImage(int width, int height, int bitDepth, int colorType, int interlace, byte[] pixels, int channels)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColorType = colorType;
        Interlace = interlace;
        this.pixels = pixels;
        this.channels = channels;
    }

    public int Width { get; }

    public int Height { get; }

    public int BitDepth { get; }

    /// <summary>0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA.</summary>
    public int ColorType { get; }

    public int Interlace { get; }

    public bool HasAlphaChannel => ColorType is 4 or 6;

    public static PngImage Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < Signature.Length || !bytes.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException($"{path} does not start with the PNG signature.");
        }

        int width = 0, height = 0, bitDepth = 0, colorType = 0, interlace = 0;
        var seenHeader = false;
        var seenEnd = false;
        using var compressed = new MemoryStream();
        var offset = Signature.Length;
        while (offset + 12 <= bytes.Length && !seenEnd)
        {
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset)));
            var type = Encoding.ASCII.GetString(bytes, offset + 4, 4);
            var data = bytes.AsSpan(offset + 8, length);
            var storedCrc = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset + 8 + length));
            if (Crc32(bytes.AsSpan(offset + 4, length + 4)) != storedCrc)
            {
                throw new InvalidDataException($"{path}: the CRC of chunk {type} is wrong.");
            }

            switch (type)
            {
                case "IHDR" when !seenHeader && offset == Signature.Length:
                    width = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data));
                    height = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
                    bitDepth = data[8];
                    colorType = data[9];
                    interlace = data[12];
                    seenHeader = true;
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
                case "IEND":
                    seenEnd = true;
                    break;
            }

            offset += 12 + length;
        }

        if (!seenHeader || !seenEnd)
        {
            throw new InvalidDataException($"{path}: IHDR must come first and IEND last.");
        }

        var channels = colorType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => 0 };
        if (bitDepth != 8 || interlace != 0 || channels == 0)
        {
            // Valid PNG, but beyond this reader: report the header and no pixels.
            return new PngImage(width, height, bitDepth, colorType, interlace, [], 0);
        }

        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        return new PngImage(width, height, bitDepth, colorType, interlace, Unfilter(raw.ToArray(), width, height, channels), channels);
    }

    public bool HasPixels => pixels.Length > 0;

    /// <summary>The pixel as (red, green, blue, alpha); grey images repeat the grey value, images without alpha are opaque.</summary>
    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var i = ((y * Width) + x) * channels;
        return channels switch
        {
            1 => (pixels[i], pixels[i], pixels[i], 255),
            2 => (pixels[i], pixels[i], pixels[i], pixels[i + 1]),
            3 => (pixels[i], pixels[i + 1], pixels[i + 2], 255),
            _ => (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]),
        };
    }

    public IEnumerable<(byte R, byte G, byte B, byte A)> AllPixels()
    {
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                yield return Pixel(x, y);
            }
        }
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int bytesPerPixel)
    {
        var stride = width * bytesPerPixel;
        if (raw.Length < height * (stride + 1))
        {
            throw new InvalidDataException("The image data is shorter than the header promises.");
        }

        var output = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var source = raw.AsSpan((y * (stride + 1)) + 1, stride);
            var row = output.AsSpan(y * stride, stride);
            ReadOnlySpan<byte> above = y == 0 ? new byte[stride] : output.AsSpan((y - 1) * stride, stride);
            for (var i = 0; i < stride; i++)
            {
                int left = i >= bytesPerPixel ? row[i - bytesPerPixel] : 0;
                int up = above[i];
                int upLeft = i >= bytesPerPixel && y > 0 ? above[i - bytesPerPixel] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown PNG row filter {filter}."),
                };
                row[i] = unchecked((byte)(source[i] + predictor));
            }
        }

        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
