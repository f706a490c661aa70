using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using LearningHub.Media.Imaging;
using NetVips;

// The media module's renditions (VipsImaging.MakeRenditions on NetVips and its bundled libvips) against
// SixLabors.ImageSharp 2.1.13 making the same renditions, from a camera-size JPEG and a camera-size PNG:
// CPU time per upload and peak memory. Each library runs in its own child process, so a peak is one
// library's own, and the children are interleaved over several rounds so load on a shared machine hits
// both alike.
//
//   dotnet run -c Release --project bench/LearningHub.Bench.Media                    NetVips vs ImageSharp, 3 rounds of 5 uploads
//   dotnet run -c Release --project bench/LearningHub.Bench.Media -- -r 5 -n 8       more rounds, more uploads per child
//   dotnet run -c Release --project bench/LearningHub.Bench.Media -- ways            libvips: shrink-on-load vs full-size decodes
//   dotnet run -c Release --project bench/LearningHub.Bench.Media -- steps -n 7      where one upload's time goes
//   dotnet run -c Release --project bench/LearningHub.Bench.Media -- child netvips 5 FILE   one child (used by the above)
int[] widths = [320, 640, 1280];
const int WebpQuality = 80, JpegQuality = 82;
const int Width = 4000, Height = 3000;

var arguments = args.ToList();
if (arguments.FirstOrDefault() == "child")
{
    return Child.Run(arguments[1], int.Parse(arguments[2], CultureInfo.InvariantCulture), arguments[3], widths, WebpQuality, JpegQuality);
}

if (VipsImaging.Start() is not { Available: true } status)
{
    Console.Error.WriteLine(VipsImaging.Start().Problem);
    return 1;
}

var folder = Path.Combine(Path.GetTempPath(), "learninghub-bench-media");
Directory.CreateDirectory(folder);
var jpegPath = Path.Combine(folder, "camera-12mp.jpg");
var pngPath = Path.Combine(folder, "camera-12mp.png");
File.WriteAllBytes(jpegPath, Inputs.CameraJpeg(Inputs.PhotoLikePixels(Width, Height, noise: 24), Width, Height));
File.WriteAllBytes(pngPath, Inputs.Png(Inputs.PhotoLikePixels(Width, Height, noise: 2), Width, Height));

if (arguments.FirstOrDefault() == "steps")
{
    return Steps.Run(File.ReadAllBytes(jpegPath), widths, int.Parse(Option("-n") ?? "5", CultureInfo.InvariantCulture));
}

var uploads = int.Parse(Option("-n") ?? "5", CultureInfo.InvariantCulture);
var rounds = int.Parse(Option("-r") ?? "3", CultureInfo.InvariantCulture);
var libraries = arguments.FirstOrDefault() == "ways"
    ? new[] { "shrink", "full-streamed", "full" }
    : ["netvips", "imagesharp", "netvips-arena2"];
var inputs = arguments.FirstOrDefault() == "ways" ? new[] { jpegPath } : [jpegPath, pngPath];

Console.WriteLine($"libvips {status.Version} from {status.LoadedFrom}; {Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg")[..14]}");
Console.WriteLine($"Renditions per upload: {widths.Length * 2} ({string.Join(", ", widths)} px wide, WebP quality {WebpQuality} and JPEG quality {JpegQuality}, metadata removed)");
Console.WriteLine($"{rounds} rounds; in each, every library's child process makes 1 warm-up upload then {uploads} measured ones, children interleaved");
var results = new List<Result>();
foreach (var input in inputs)
{
    var header = VipsImaging.ReadHeader(File.ReadAllBytes(input));
    Console.WriteLine();
    Console.WriteLine($"## {Path.GetFileName(input)}: {header.Width} x {header.Height}, {new FileInfo(input).Length / 1024} KB");
    // What every child's peak holds before any image work: the runtime and the file's bytes.
    var floor = RunChild("baseline", 1, input).PeakRssMb;
    Console.WriteLine($"Runtime and the file's bytes alone (no image work): {floor:0} MB peak RSS; with libvips started but idle: {RunChild("netvips-idle", 1, input).PeakRssMb:0} MB");
    Console.WriteLine("| round | library | CPU per upload | wall per upload | peak RSS | libvips pixel memory |");
    Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: |");
    for (var round = 1; round <= rounds; round++)
    {
        // Alternate who goes first, so neither always runs after the other.
        foreach (var library in round % 2 == 1 ? libraries : Enumerable.Reverse(libraries))
        {
            var result = RunChild(library, uploads, input) with { Round = round, Input = Path.GetFileName(input) };
            results.Add(result);
            Console.WriteLine($"| {round} | {library} | {result.CpuMs:0} ms | {result.WallMs:0} ms | {result.PeakRssMb:0} MB | {result.VipsPeakMb:0} MB |");
        }
    }

    Console.WriteLine();
    Console.WriteLine("| library | CPU per upload, min / median | peak RSS, min / median | peak RSS over the runtime's, median |");
    Console.WriteLine("| --- | ---: | ---: | ---: |");
    foreach (var library in libraries)
    {
        var mine = results.Where(r => r.Input == Path.GetFileName(input) && r.Library == library).ToList();
        Console.WriteLine($"| {library} | {mine.Min(r => r.CpuMs):0} / {Median(mine.Select(r => r.CpuMs)):0} ms | {mine.Min(r => r.PeakRssMb):0} / {Median(mine.Select(r => r.PeakRssMb)):0} MB | {Median(mine.Select(r => r.PeakRssMb)) - floor:0} MB |");
    }

    var baseline = results.Where(r => r.Input == Path.GetFileName(input) && r.Library == libraries[0]).ToList();
    foreach (var library in libraries.Skip(1))
    {
        var other = results.Where(r => r.Input == Path.GetFileName(input) && r.Library == library).ToList();
        Console.WriteLine(FormattableString.Invariant(
            $"{library} / {libraries[0]}: CPU {Median(other.Select(r => r.CpuMs)) / Median(baseline.Select(r => r.CpuMs)):0.00}x (medians), {other.Min(r => r.CpuMs) / baseline.Min(r => r.CpuMs):0.00}x (minimums); peak RSS {Median(other.Select(r => r.PeakRssMb)) / Median(baseline.Select(r => r.PeakRssMb)):0.00}x (medians), over the runtime's {(Median(other.Select(r => r.PeakRssMb)) - floor) / (Median(baseline.Select(r => r.PeakRssMb)) - floor):0.00}x"));
    }
}

return 0;

string? Option(string name)
{
    var at = arguments.IndexOf(name);
    return at >= 0 && at + 1 < arguments.Count ? arguments[at + 1] : null;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static Result RunChild(string library, int count, string input)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
    if (library == "netvips-arena2")
    {
        // The app's pipeline with glibc's malloc held to two arenas: libvips' worker threads otherwise
        // each get an arena of their own, whose freed memory stays resident.
        start.Environment["MALLOC_ARENA_MAX"] = "2";
    }

    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
    {
        start.ArgumentList.Add(typeof(Result).Assembly.Location);
    }

    foreach (var argument in new[] { "child", library, count.ToString(CultureInfo.InvariantCulture), input })
    {
        start.ArgumentList.Add(argument);
    }

    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{library} child failed ({process.ExitCode}): {output}");
    }

    var parts = output.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal)).Split(' ');
    double Part(int i) => double.Parse(parts[i], CultureInfo.InvariantCulture);
    foreach (var line in output.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal)))
    {
        Console.WriteLine($"<!-- {library}: {line.Trim()} -->");
    }

    return new Result(library, Part(1), Part(2), Part(3), Part(4));
}

/// <summary>One child's figures: per measured upload, and peaks over the whole child.</summary>
internal sealed record Result(string Library, double CpuMs, double WallMs, double PeakRssMb, double VipsPeakMb, int Round = 0, string Input = "");

/// <summary>
/// What runs in a child process. Each library's work is in its own non-inlined method, so the other
/// library's assembly is never loaded into the process and its peak memory is this library's alone.
/// </summary>
internal static class Child
{
    public static int Run(string library, int count, string path, int[] widths, int webpQuality, int jpegQuality)
    {
        // Read from the file the parent wrote, so drawing the picture is not in this process's peak.
        var bytes = File.ReadAllBytes(path);
        Func<string> upload = library switch
        {
            "netvips" or "netvips-arena2" => () => NetVipsUpload(bytes, widths, webpQuality, jpegQuality, DecodeWay.ShrinkOnLoad),
            "shrink" => () => NetVipsUpload(bytes, widths, webpQuality, jpegQuality, DecodeWay.ShrinkOnLoad),
            "full-streamed" => () => NetVipsUpload(bytes, widths, webpQuality, jpegQuality, DecodeWay.FullSize),
            "full" => () => NetVipsUpload(bytes, widths, webpQuality, jpegQuality, DecodeWay.FullSizeInMemory),
            "imagesharp" => () => ImageSharpUpload(bytes, widths, webpQuality, jpegQuality),
            // The runtime and the upload's bytes alone: what every child's peak includes before any image work.
            "baseline" => () => $"none ({bytes.Length / 1024} KB read)",
            // libvips started, nothing made: its fixed cost (library pages, threads) over the baseline.
            "netvips-idle" => () => VipsStarted(),
            _ => throw new ArgumentException($"Unknown library {library}"),
        };
        var made = upload(); // warm-up: JIT, library start-up, first decode
        // CPU time of all threads, not only wall time: on a shared machine the wall time depends on what
        // else runs, the CPU time much less.
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            upload();
        }

        stopwatch.Stop();
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / count;
        var maps = File.ReadAllText("/proc/self/maps");
        Console.WriteLine($"  renditions {made}");
        var status = File.ReadAllLines("/proc/self/status");
        Console.WriteLine($"  memory at the end: {string.Join(", ", status.Where(l => l.StartsWith("RssAnon", StringComparison.Ordinal) || l.StartsWith("RssFile", StringComparison.Ordinal) || l.StartsWith("Threads", StringComparison.Ordinal)).Select(l => Regex.Replace(l, @"\s+", " ")))}");
        Console.WriteLine($"  libvips mapped: {(maps.Contains("libvips.so.42", StringComparison.Ordinal) ? "yes" : "no")}; ImageSharp loaded: {(AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "SixLabors.ImageSharp") ? "yes" : "no")}");
        Console.WriteLine(FormattableString.Invariant($"RESULT {cpuMs:0.0} {stopwatch.Elapsed.TotalMilliseconds / count:0.0} {PeakRssMb():0.0} {VipsPeakMb():0.0}"));
        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string NetVipsUpload(byte[] bytes, int[] widths, int webpQuality, int jpegQuality, DecodeWay way) =>
        Describe(VipsImaging.MakeRenditions(bytes, widths, webpQuality, jpegQuality, way)
            .Select(r => (r.ActualWidth, r.ActualHeight, r.Webp.Length, r.Jpeg.Length)));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string VipsStarted() => $"none (libvips {VipsImaging.Start().Version} started)";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string ImageSharpUpload(byte[] bytes, int[] widths, int webpQuality, int jpegQuality) =>
        Describe(ImageSharpRenditions.Make(bytes, widths, webpQuality, jpegQuality));

    private static string Describe(IEnumerable<(int Width, int Height, int WebpBytes, int JpegBytes)> renditions) =>
        string.Join(", ", renditions.Select(r => $"{r.Width}x{r.Height} WebP {r.WebpBytes / 1024} KB, JPEG {r.JpegBytes / 1024} KB"));

    /// <summary>Only asked when libvips was used, so the ImageSharp child never loads it.</summary>
    private static double VipsPeakMb() =>
        File.ReadAllText("/proc/self/maps").Contains("libvips.so.42", StringComparison.Ordinal) ? VipsMemory() : 0;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double VipsMemory() => VipsImaging.PeakTrackedMemory / 1048576.0;

    /// <summary>The process's peak resident memory (VmHWM): runtime, the upload's bytes, decoded pixels, renditions.</summary>
    private static double PeakRssMb()
    {
        var match = Regex.Match(File.ReadAllText("/proc/self/status"), @"VmHWM:\s+(\d+) kB");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) / 1024.0;
    }
}

/// <summary>The benchmark's pictures, drawn here (never downloaded) and encoded by libvips.</summary>
internal static class Inputs
{
    /// <summary>Gradients with fine noise, so the files cost about what a photograph of that size does to decode.</summary>
    public static byte[] PhotoLikePixels(int width, int height, int noise)
    {
        var pixels = new byte[width * height * 3];
        var random = new Random(12);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width + x) * 3;
                var grain = random.Next(-noise, noise + 1);
                pixels[i] = (byte)Math.Clamp(x * 255 / width + grain, 0, 255);
                pixels[i + 1] = (byte)Math.Clamp(y * 255 / height + grain, 0, 255);
                pixels[i + 2] = (byte)Math.Clamp(128 + (int)(90 * Math.Sin((x + y) / 60.0)) + grain, 0, 255);
            }
        }

        return pixels;
    }

    /// <summary>A JPEG as cameras and phones write it: quality 90, chroma subsampled 4:2:0.</summary>
    public static byte[] CameraJpeg(byte[] pixels, int width, int height)
    {
        using var image = Image.NewFromMemory(pixels, width, height, 3, Enums.BandFormat.Uchar);
        return image.JpegsaveBuffer(q: 90, subsampleMode: Enums.ForeignSubsample.On, keep: Enums.ForeignKeep.None);
    }

    /// <summary>
    /// A PNG of the same size. Drawn with finer grain than the JPEG: the JPEG's picture as PNG is about
    /// 29 MB, far over the 10 MB upload limit, so it could never be uploaded.
    /// </summary>
    public static byte[] Png(byte[] pixels, int width, int height)
    {
        using var image = Image.NewFromMemory(pixels, width, height, 3, Enums.BandFormat.Uchar);
        // Adaptive row filters, as image editors write PNGs (libvips' default is none, which compresses worse).
        return image.PngsaveBuffer(compression: 6, filter: Enums.ForeignPngFilter.All, keep: Enums.ForeignKeep.None);
    }
}
