using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace LearningHub.Events.Pages.Events;

/// <summary>Answers given on the question pages, kept (in TempData) until the booking is confirmed on the check answers page.</summary>
public sealed record BookingDraft(string? Answer, string? LineManagerEmail)
{
    private static string Key(Guid eventId) => $"events.book.{eventId:N}";

    public static BookingDraft? Load(ITempDataDictionary tempData, Guid eventId)
    {
        var json = tempData.Peek(Key(eventId)) as string;
        return json is null ? null : JsonSerializer.Deserialize<BookingDraft>(json);
    }

    public void Save(ITempDataDictionary tempData, Guid eventId) => tempData[Key(eventId)] = JsonSerializer.Serialize(this);

    public static void Clear(ITempDataDictionary tempData, Guid eventId) => tempData.Remove(Key(eventId));
}
