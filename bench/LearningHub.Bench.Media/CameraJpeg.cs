using System.Runtime.InteropServices;
using LearningHub.Media.Imaging;

/// <summary>
/// Writes a JPEG the way cameras and phones do, with chroma subsampled 4:2:0. The app never writes
/// one like this, so the binding lives here rather than in the media module.
/// </summary>
internal static unsafe partial class CameraJpeg
{
    private const int SubsampleOn = 1;

    [LibraryImport(VipsNative.Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int vips_jpegsave_buffer(nint image, out nint buffer, out nuint length,
        string qualityName, int quality, string subsampleName, int subsample, nint end);

    public static byte[] Encode(byte[] pixels, int width, int height, int quality)
    {
        fixed (byte* data = pixels)
        {
            var image = VipsNative.vips_image_new_from_memory(data, (nuint)pixels.Length, width, height, 3, VipsNative.FormatUchar);
            try
            {
                if (vips_jpegsave_buffer(image, out var buffer, out var length, "Q", quality, "subsample_mode", SubsampleOn, 0) != 0)
                {
                    throw new ImageProcessingException(VipsImaging.TakeError());
                }

                var bytes = new ReadOnlySpan<byte>((void*)buffer, checked((int)length)).ToArray();
                VipsNative.g_free(buffer);
                return bytes;
            }
            finally
            {
                VipsNative.g_object_unref(image);
            }
        }
    }
}
