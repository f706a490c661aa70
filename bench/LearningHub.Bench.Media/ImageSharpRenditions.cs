using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

/// <summary>
/// The benchmark's reference: the same renditions as <c>VipsImaging.MakeRenditions</c> made with
/// SixLabors.ImageSharp 2.1.13, the library the design first named. Only the benchmark uses it: 2.1.13
/// has published advisories fixed only in later, paid versions (bench/README.md).
/// </summary>
/// <remarks>
/// Same steps as the app: decode once (ImageSharp 2.x cannot shrink while decoding, so every pixel is
/// decoded), turn upright from the EXIF orientation, resize to the largest width, make each smaller
/// width from the next larger, drop all metadata, and encode WebP (lossy, quality 80, method 1, as
/// libwebp effort 1 in the app) and JPEG (quality 82, 4:2:0) on two threads as the app does: the
/// largest WebP on one, everything else on the other. ImageSharp 2.1's JPEG encoder writes baseline
/// JPEG with its standard Huffman tables only; the app writes progressive JPEG with optimised tables,
/// which costs libvips more, so this difference favours ImageSharp. Both benchmark images are opaque,
/// so pixels are decoded as RGB (24 bits) and the JPEG needs no flattening (the app flattens only
/// images with alpha).
/// </remarks>
internal static class ImageSharpRenditions
{
    public static IReadOnlyList<(int Width, int Height, int WebpBytes, int JpegBytes)> Make(byte[] bytes, int[] widths, int webpQuality, int jpegQuality)
    {
        var ordered = widths.Distinct().OrderDescending().ToArray();
        using var source = Image.Load<Rgb24>(bytes);
        source.Mutate(image => image.AutoOrient());
        source.Metadata.ExifProfile = null;
        source.Metadata.IccProfile = null;
        source.Metadata.IptcProfile = null;
        source.Metadata.XmpProfile = null;

        var sizes = ordered.Select(width =>
        {
            var actual = Math.Min(width, source.Width);
            return (Width: actual, Height: Math.Max(1, (int)Math.Round((double)source.Height * actual / source.Width)));
        }).ToArray();
        var images = new Image<Rgb24>[ordered.Length];
        var webp = new byte[ordered.Length][];
        var jpeg = new byte[ordered.Length][];
        var webpEncoder = new WebpEncoder { FileFormat = WebpFileFormatType.Lossy, Quality = webpQuality, Method = WebpEncodingMethod.Level1 };
        var jpegEncoder = new JpegEncoder { Quality = jpegQuality, ColorType = JpegColorType.YCbCrRatio420 };
        try
        {
            images[0] = source.Clone(image => image.Resize(sizes[0].Width, sizes[0].Height, KnownResamplers.Lanczos3));
            Parallel.Invoke(
                () => webp[0] = Encode(images[0], webpEncoder),
                () =>
                {
                    jpeg[0] = Encode(images[0], jpegEncoder);
                    for (var i = 1; i < ordered.Length; i++)
                    {
                        var (width, height) = sizes[i];
                        images[i] = images[i - 1].Clone(image => image.Resize(width, height, KnownResamplers.Lanczos3));
                        webp[i] = Encode(images[i], webpEncoder);
                        jpeg[i] = Encode(images[i], jpegEncoder);
                    }
                });
            return sizes.Select((size, i) => (size.Width, size.Height, webp[i].Length, jpeg[i].Length)).Reverse().ToList();
        }
        finally
        {
            foreach (var image in images)
            {
                image?.Dispose();
            }
        }
    }

    private static byte[] Encode<TPixel>(Image<TPixel> image, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.ToArray();
    }
}
