using LearningHub.Media.Imaging;
using LearningHub.Media.Services;

namespace LearningHub.Tests.Media;

/// <summary>The imaging code against the real libvips that NetVips.Native.linux-x64 bundles.</summary>
public sealed class VipsImagingTests
{
    public VipsImagingTests() => Assert.True(VipsImaging.Start().Available, VipsImaging.Start().Problem);

    [Fact]
    public void Starts_once_and_reports_its_version()
    {
        var status = VipsImaging.Start();

        Assert.True(status.Available);
        Assert.Matches(@"^8\.\d+\.\d+$", status.Version);
        Assert.Same(status, VipsImaging.Start());
    }

    [Fact]
    public void A_missing_library_is_reported_with_what_to_install_not_thrown()
    {
        var status = VipsImaging.Start("libvips-not-installed.so.42");

        Assert.False(status.Available);
        Assert.Contains("NetVips.Native.linux-x64", status.Problem);
    }

    [Fact]
    public void Only_the_jpeg_png_webp_and_gif_loaders_run_though_the_bundled_libvips_has_more()
    {
        // The bundled libvips reads TIFF and SVG (it writes TIFF, as here); its loaders are blocked, so
        // such a file is refused by libvips itself, not only by the byte sniffing in front of it.
        using var black = NetVips.Image.Black(8, 8);
        var tiff = black.TiffsaveBuffer();
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\"><rect width=\"8\" height=\"8\"/></svg>"u8.ToArray();

        Assert.Throws<ImageProcessingException>(() => VipsImaging.ReadHeader(tiff));
        Assert.Throws<ImageProcessingException>(() => VipsImaging.ReadHeader(svg));
        Assert.Equal(8, VipsImaging.ReadHeader(TestImages.Png(8, 8)).Width);
    }

    [Fact]
    public void Reads_the_size_from_the_header()
    {
        var header = VipsImaging.ReadHeader(TestImages.Jpeg(300, 200));

        Assert.Equal((300, 200, 3, 1), (header.Width, header.Height, header.Bands, header.Pages));
    }

    [Fact]
    public void Reads_a_decompression_bombs_header_without_decoding_it()
    {
        var bomb = TestImages.PngBomb(30_000, 30_000);
        var before = VipsImaging.PeakTrackedMemory;

        var header = VipsImaging.ReadHeader(bomb);

        Assert.True(bomb.Length < 200, $"the bomb is {bomb.Length} bytes");
        Assert.Equal(900_000_000, header.Pixels);
        // Decoding would need 2.7 GB; reading the header allocates no pixel memory at all.
        Assert.True(VipsImaging.PeakTrackedMemory - before < 16 * 1024 * 1024);
    }

    [Fact]
    public void Garbage_is_refused_with_libvips_own_message()
    {
        var error = Assert.Throws<ImageProcessingException>(() => VipsImaging.ReadHeader("not an image at all"u8.ToArray()));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void A_truncated_jpeg_is_refused_when_decoded()
    {
        var jpeg = TestImages.Jpeg(400, 300);

        Assert.Throws<ImageProcessingException>(() => VipsImaging.MakeRenditions(jpeg[..(jpeg.Length / 3)], [320]));
    }

    [Fact]
    public void Renditions_are_webp_and_jpeg_at_each_width_and_never_enlarged()
    {
        var renditions = VipsImaging.MakeRenditions(TestImages.Jpeg(1000, 500), [320, 640, 1280]);

        Assert.Equal([(320, 320, 160), (640, 640, 320), (1280, 1000, 500)], renditions.Select(r => (r.Width, r.ActualWidth, r.ActualHeight)));
        Assert.All(renditions, r =>
        {
            Assert.Equal(ImageKind.WebP, ImageSniffer.Sniff(r.Webp));
            Assert.Equal(ImageKind.Jpeg, ImageSniffer.Sniff(r.Jpeg));
            Assert.Equal(r.ActualWidth, VipsImaging.ReadHeader(r.Jpeg).Width);
        });
    }

    [Fact]
    public void Renditions_drop_exif_gps_and_camera_serial_and_are_turned_upright()
    {
        var original = TestImages.WithGpsExif(TestImages.Jpeg(300, 200), orientation: 6);
        Assert.True(TestImages.HasExifOrSerial(original));
        // libvips understood the spliced block: it reports the orientation from it.
        Assert.Equal(6, VipsImaging.ReadHeader(original).Orientation);

        var renditions = VipsImaging.MakeRenditions(original, [320]);

        var rendition = Assert.Single(renditions);
        Assert.Equal((200, 300), (rendition.ActualWidth, rendition.ActualHeight));
        Assert.False(TestImages.HasExifOrSerial(rendition.Jpeg));
        Assert.False(TestImages.HasExifOrSerial(rendition.Webp));
        Assert.False(TestImages.Contains(rendition.Webp, "EXIF"u8));
    }

    [Theory]
    [InlineData(ImageKind.Jpeg, 4000, 1280, "shrink=2")]
    [InlineData(ImageKind.Jpeg, 2560, 1280, "shrink=2")]
    [InlineData(ImageKind.Jpeg, 2559, 1280, "")]
    [InlineData(ImageKind.Jpeg, 5120, 1280, "shrink=4")]
    [InlineData(ImageKind.Jpeg, 40000, 1280, "shrink=8")]
    [InlineData(ImageKind.WebP, 4000, 1280, "scale=0.5")]
    [InlineData(ImageKind.Png, 4000, 1280, "")]
    [InlineData(ImageKind.Gif, 4000, 1280, "")]
    public void The_decoder_shrinks_by_the_largest_power_of_two_that_leaves_the_largest_width(ImageKind kind, int width, int largest, string option)
    {
        Assert.Equal(option, VipsImaging.LoadShrink(kind, width, largest));
    }

    [Fact]
    public void A_large_quarter_turned_jpeg_is_shrunk_by_its_upright_width_and_comes_out_at_the_right_sizes()
    {
        // Upright it is 1400 wide: shrink 2 on load (700 >= 640). Shrinking by the stored width (2800)
        // would decode at 1/4 and leave 350 pixels for the 640 rendition.
        var photo = TestImages.WithGpsExif(TestImages.Jpeg(2800, 1400), orientation: 6);

        var renditions = VipsImaging.MakeRenditions(photo, [320, 640]);

        Assert.Equal([(320, 320, 640), (640, 640, 1280)], renditions.Select(r => (r.Width, r.ActualWidth, r.ActualHeight)));
        Assert.All(renditions, r => Assert.False(TestImages.HasExifOrSerial(r.Jpeg)));
    }

    [Fact]
    public void Shrinking_on_load_gives_the_same_sizes_as_decoding_at_full_size()
    {
        var photo = TestImages.Jpeg(2700, 1800);

        var shrunk = VipsImaging.MakeRenditions(photo, [320, 640, 1280], 80, 82, DecodeWay.ShrinkOnLoad);
        var full = VipsImaging.MakeRenditions(photo, [320, 640, 1280], 80, 82, DecodeWay.FullSizeInMemory);

        Assert.Equal(full.Select(r => (r.Width, r.ActualWidth, r.ActualHeight)), shrunk.Select(r => (r.Width, r.ActualWidth, r.ActualHeight)));
        // Exactly the sizes pages are told (width and height attributes), though each is made from the next larger.
        Assert.Equal(MediaImage.Plan(2700, 1800, [320, 640, 1280]).Select(r => (r.ActualWidth, r.ActualHeight)),
            shrunk.Select(r => (r.ActualWidth, r.ActualHeight)));
    }

    [Fact]
    public void Png_with_transparency_webp_and_gif_are_accepted()
    {
        Assert.Single(VipsImaging.MakeRenditions(TestImages.Png(64, 48, alpha: true), [320]));
        Assert.Single(VipsImaging.MakeRenditions(TestImages.WebP(64, 48), [320]));
        var gif = Assert.Single(VipsImaging.MakeRenditions(TestImages.Gif(), [320]));
        Assert.Equal((1, 1), (gif.ActualWidth, gif.ActualHeight));
    }

    [Fact]
    public void The_plan_names_renditions_by_configured_width_and_stops_at_the_image_width()
    {
        Assert.Equal([new RenditionSize(320, 320, 240), new RenditionSize(640, 640, 480), new RenditionSize(1280, 1280, 960)],
            MediaImage.Plan(1600, 1200, [320, 640, 1280]));
        Assert.Equal([new RenditionSize(320, 320, 200), new RenditionSize(640, 500, 313)], MediaImage.Plan(500, 313, [320, 640, 1280]));
        Assert.Equal([new RenditionSize(320, 100, 50)], MediaImage.Plan(100, 50, [320, 640, 1280]));
        Assert.Equal([new RenditionSize(320, 320, 200)], MediaImage.Plan(320, 200, [320, 640, 1280]));
    }
}

public sealed class VipsModulesTests
{
    [Fact]
    public void The_libvips_in_use_is_the_bundled_copy_in_the_apps_folder_not_a_system_one()
    {
        var status = VipsImaging.Start();
        var mapped = File.ReadLines("/proc/self/maps").Where(line => line.EndsWith("/libvips.so.42", StringComparison.Ordinal))
            .Select(line => line[(line.LastIndexOf(' ') + 1)..]).Distinct().ToList();

        var only = Assert.Single(mapped);
        Assert.Equal(only, status.LoadedFrom);
        Assert.True(status.Bundled);
        Assert.StartsWith(AppContext.BaseDirectory, only, StringComparison.Ordinal);
        Assert.DoesNotContain("libglib-2.0.so", File.ReadAllText("/proc/self/maps"));
    }

    [Fact]
    public void No_libvips_module_is_loaded_so_no_system_sqlite_imagemagick_or_pdf_code_enters_the_process()
    {
        Assert.True(VipsImaging.Start().Available);

        var maps = File.ReadAllText("/proc/self/maps");

        Assert.Contains("libvips.so.42", maps);
        foreach (var library in new[] { "vips-modules", "libsqlite3", "libMagick", "libpoppler", "libopenslide" })
        {
            Assert.DoesNotContain(library, maps);
        }
    }
}
