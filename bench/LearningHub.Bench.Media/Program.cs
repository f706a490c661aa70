using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using LearningHub.Media.Imaging;

// Renditions per second and peak memory for a 12-megapixel JPEG: the media module's own code
// (VipsImaging.MakeRenditions, which shrinks while decoding) against the identical pipeline decoding
// at full size, streamed, and decoding at full size into memory first (what a library without
// shrink-on-load does). Each way runs in its own process so its peak memory is its own.
//
//   dotnet run -c Release --project bench/LearningHub.Bench.Media              all three, 12 uploads each
//   dotnet run -c Release --project bench/LearningHub.Bench.Media -- -n 30      more uploads
//   dotnet run -c Release --project bench/LearningHub.Bench.Media -- --chroma 420   a camera-like JPEG (4:2:0)
//   dotnet run -c Release --project bench/LearningHub.Bench.Media -- steps      where one upload's time goes
//   dotnet run -c Release --project bench/LearningHub.Bench.Media -- shrink 12 FILE  one way only (used by the above)
int[] widths = [320, 640, 1280];
const int Width = 4000, Height = 3000;

var arguments = args.ToList();
var ways = new Dictionary<string, (DecodeWay Way, string Label)>
{
    ["shrink"] = (DecodeWay.ShrinkOnLoad, "shrink-on-load (the app)"),
    ["full-streamed"] = (DecodeWay.FullSize, "the same, decoding at full size (streamed)"),
    ["full"] = (DecodeWay.FullSizeInMemory, "decode at full size into memory, then the same"),
};
if (arguments.Count >= 1 && ways.ContainsKey(arguments[0]))
{
    return RunOne(arguments[0], int.Parse(arguments[1], CultureInfo.InvariantCulture), arguments[2]);
}

// 444 (default): the image of the first measurements, no chroma subsampling (libvips' saver turns it off
// at quality 90 and above). 420: chroma subsampled as cameras and phones write their JPEGs.
var chroma = Option("--chroma") ?? "444";
if (chroma is not ("444" or "420"))
{
    Console.Error.WriteLine("--chroma is 444 or 420");
    return 2;
}

var jpegPath = Path.Combine(Path.GetTempPath(), $"learninghub-bench-12mp-{chroma}.jpg");

if (VipsImaging.Start() is not { Available: true })
{
    Console.Error.WriteLine(VipsImaging.Start().Problem);
    return 1;
}

File.WriteAllBytes(jpegPath, PhotoLikeJpeg(chroma == "420"));
if (arguments.FirstOrDefault() == "steps")
{
    return Steps.Run(File.ReadAllBytes(jpegPath), widths, int.Parse(Option("-n") ?? "5", CultureInfo.InvariantCulture));
}

var uploads = int.Parse(Option("-n") ?? "12", CultureInfo.InvariantCulture);
Console.WriteLine($"{Width} x {Height} JPEG ({Width * Height / 1_000_000.0:0} MP, chroma {chroma[0]}:{chroma[1]}:{chroma[2]}, {new FileInfo(jpegPath).Length / 1024} KB), {uploads} uploads, each making {widths.Length * 2} renditions ({string.Join(", ", widths)} px, WebP and JPEG), {Environment.ProcessorCount} cores");
var results = ways.Keys.Select(mode => Child(mode, uploads)).ToList();
Console.WriteLine();
Console.WriteLine("| way | per upload | CPU per upload | renditions/s | peak RSS | libvips peak pixel memory |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
foreach (var r in results)
{
    Console.WriteLine($"| {r.Label} | {r.MsPerUpload:0} ms | {r.CpuMsPerUpload:0} ms | {r.RenditionsPerSecond:0.0} | {r.PeakRssMb:0} MB | {r.VipsPeakMb:0} MB |");
}

Console.WriteLine();
Console.WriteLine($"CPU time: shrink-on-load uses {results[2].CpuMsPerUpload / results[0].CpuMsPerUpload:0.0}x less than decoding at full size into memory, {results[1].CpuMsPerUpload / results[0].CpuMsPerUpload:0.0}x less than streamed");
Console.WriteLine($"shrink-on-load is {results[2].MsPerUpload / results[0].MsPerUpload:0.0}x faster than decoding at full size into memory and peaks at {results[0].PeakRssMb / results[2].PeakRssMb * 100:0}% of the memory; {results[1].MsPerUpload / results[0].MsPerUpload:0.0}x faster than the same streamed pipeline without shrink-on-load");
return 0;

string? Option(string name)
{
    var at = arguments.IndexOf(name);
    return at >= 0 && at + 1 < arguments.Count ? arguments[at + 1] : null;
}

Result Child(string mode, int count)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
    {
        start.ArgumentList.Add(typeof(Result).Assembly.Location);
    }

    start.ArgumentList.Add(mode);
    start.ArgumentList.Add(count.ToString(CultureInfo.InvariantCulture));
    start.ArgumentList.Add(jpegPath);
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    Console.Write(output);
    var line = output.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
    var parts = line.Split(' ');
    return new Result(ways[mode].Label,
        double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture),
        double.Parse(parts[3], CultureInfo.InvariantCulture), double.Parse(parts[4], CultureInfo.InvariantCulture),
        double.Parse(parts[5], CultureInfo.InvariantCulture));
}

int RunOne(string mode, int count, string jpegPath)
{
    var status = VipsImaging.Start();
    if (!status.Available)
    {
        Console.Error.WriteLine(status.Problem);
        return 1;
    }

    // Read from the file the parent wrote, so generating it (a 36 MB pixel array) is not in this process's peak.
    var jpeg = File.ReadAllBytes(jpegPath);
    // The app's own code path; only the decode differs between the ways. Quality as the app's defaults.
    var way = ways[mode].Way;
    Func<IReadOnlyList<EncodedRendition>> work = () => VipsImaging.MakeRenditions(jpeg, widths, 80, 82, way);
    var made = work(); // warm-up: JIT, libvips start-up, first decode
    // CPU time (all threads) as well as wall time: on a shared machine the wall time depends on what
    // else runs, the CPU time much less.
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var stopwatch = Stopwatch.StartNew();
    var renditions = 0;
    for (var i = 0; i < count; i++)
    {
        renditions += work().Count * 2;
    }

    stopwatch.Stop();
    var cpuMsPerUpload = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / count;
    var msPerUpload = stopwatch.Elapsed.TotalMilliseconds / count;
    Console.WriteLine($"{mode}: {count} uploads in {stopwatch.Elapsed.TotalSeconds:0.00} s; JPEG {jpeg.Length / 1024} KB; renditions {string.Join(", ", made.Select(r => $"{r.ActualWidth}x{r.ActualHeight} ({r.Webp.Length / 1024}+{r.Jpeg.Length / 1024} KB)"))}");
    Console.WriteLine(FormattableString.Invariant($"RESULT {msPerUpload:0.0} {renditions / stopwatch.Elapsed.TotalSeconds:0.00} {PeakRssMb():0.0} {VipsImaging.PeakTrackedMemory / 1048576.0:0.0} {cpuMsPerUpload:0.0}"));
    return 0;
}

// Gradients with fine noise, so the JPEG is about as costly to decode as a photo of the same size.
byte[] PhotoLikeJpeg(bool subsampleChroma)
{
    var pixels = new byte[Width * Height * 3];
    var random = new Random(12);
    for (var y = 0; y < Height; y++)
    {
        for (var x = 0; x < Width; x++)
        {
            var i = (y * Width + x) * 3;
            var noise = random.Next(-24, 24);
            pixels[i] = (byte)Math.Clamp(x * 255 / Width + noise, 0, 255);
            pixels[i + 1] = (byte)Math.Clamp(y * 255 / Height + noise, 0, 255);
            pixels[i + 2] = (byte)Math.Clamp(128 + (int)(90 * Math.Sin((x + y) / 60.0)) + noise, 0, 255);
        }
    }

    return subsampleChroma
        ? CameraJpeg.Encode(pixels, Width, Height, quality: 90)
        : VipsImaging.EncodePixels(pixels, Width, Height, 3, ImageKind.Jpeg, jpegQuality: 90);
}

// The process's peak resident memory (VmHWM): runtime, the JPEG bytes, libvips' buffers and the renditions.
static double PeakRssMb()
{
    var match = Regex.Match(File.ReadAllText("/proc/self/status"), @"VmHWM:\s+(\d+) kB");
    return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) / 1024.0;
}

record Result(string Label, double MsPerUpload, double RenditionsPerSecond, double PeakRssMb, double VipsPeakMb, double CpuMsPerUpload);
