using LearningHub.Media.Services;

namespace LearningHub.Media.Pages.Manage.Resources;

internal static class ResourcePages
{
    public static string FileHint(MediaOptions options) =>
        $"A PDF, Word document (.docx) or PowerPoint presentation (.pptx) smaller than {options.MaxResourceBytes / (1024.0 * 1024.0):0.#}MB. If there is a problem with the form you will need to choose the file again.";
}
