using System.Diagnostics;
using LearningHub.Media.Imaging;
using NetVips;

/// <summary>
/// Times each step of one upload on its own, the median of several runs: the header read, the decode
/// (with each shrink factor, and at full size), each resize and each encode. Steps run one after the
/// other here; the app encodes in parallel.
/// </summary>
internal static class Steps
{
    public static int Run(byte[] jpeg, int[] widths, int runs)
    {
        var ordered = widths.OrderDescending().ToArray();
        var header = VipsImaging.ReadHeader(jpeg);
        int HeightAt(int width) => (int)Math.Round((double)header.UprightHeight * width / header.UprightWidth);
        Console.WriteLine($"{jpeg.Length / 1024} KB JPEG; median of {runs} runs per step, one at a time");
        Time("header read (lazy open, no pixels)", runs, () => VipsImaging.ReadHeader(jpeg));
        foreach (var shrink in new[] { 1, 2, 4, 8 })
        {
            Time($"decode into memory, shrink={shrink}", runs, () => Decode(jpeg, $"shrink={shrink}").Dispose());
        }

        Time($"whole pipeline to the {ordered[0]} px pixels, shrink-on-load", runs, () => Largest(jpeg, DecodeWay.ShrinkOnLoad, ordered[0], HeightAt(ordered[0])).Dispose());
        Time($"whole pipeline to the {ordered[0]} px pixels, full size streamed", runs, () => Largest(jpeg, DecodeWay.FullSize, ordered[0], HeightAt(ordered[0])).Dispose());
        Time($"whole pipeline to the {ordered[0]} px pixels, full size in memory", runs, () => Largest(jpeg, DecodeWay.FullSizeInMemory, ordered[0], HeightAt(ordered[0])).Dispose());
        var largest = Largest(jpeg, DecodeWay.ShrinkOnLoad, ordered[0], HeightAt(ordered[0]));
        var images = new List<Image> { largest };
        foreach (var width in ordered.Skip(1))
        {
            Time($"resize {ordered[0]} -> {width} (in memory, one step)", runs, () => VipsImaging.Thumbnail(largest, width, HeightAt(width)).Dispose());
            var larger = images[^1];
            Time($"resize {larger.Width} -> {width} (in memory, from the next larger: the app)", runs,
                () => VipsImaging.Thumbnail(larger, width, HeightAt(width)).Dispose());
            images.Add(VipsImaging.Thumbnail(larger, width, HeightAt(width)));
        }

        for (var i = 0; i < ordered.Length; i++)
        {
            var image = images[i];
            Time($"encode WebP {ordered[i]} px", runs, () => VipsImaging.EncodeWebp(image, 80));
            Time($"encode JPEG {ordered[i]} px", runs, () => VipsImaging.EncodeJpeg(image, 82));
        }

        foreach (var effort in new[] { 0, 1, 2, 3, 4 })
        {
            var length = 0;
            Time($"  WebP {ordered[0]} px at effort {effort} (comparison)", runs, () =>
            {
                length = largest.WebpsaveBuffer(q: 80, effort: effort, keep: Enums.ForeignKeep.None).Length;
            });
            Console.WriteLine($"|   {length / 1024} KB | |");
        }

        Time("MakeRenditions (the app: all of the above, encodes in parallel)", runs, () => VipsImaging.MakeRenditions(jpeg, widths));
        images.ForEach(image => image.Dispose());
        return 0;
    }

    private static Image Decode(byte[] jpeg, string options)
    {
        using var image = Image.NewFromBuffer(jpeg, options, Enums.Access.Sequential);
        return image.CopyMemory();
    }

    private static Image Largest(byte[] jpeg, DecodeWay way, int width, int height)
    {
        using var source = Source.NewFromMemory(jpeg);
        using var opened = VipsImaging.Open(source, jpeg, way, VipsImaging.ReadHeader(jpeg), width);
        return VipsImaging.Thumbnail(opened, width, height);
    }

    private static void Time(string step, int runs, Action action)
    {
        action(); // warm-up
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"| {step} | {times[times.Count / 2]:0.0} ms |");
    }
}
