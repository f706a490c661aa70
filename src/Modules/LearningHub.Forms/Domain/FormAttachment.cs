using LearningHub.Core.Boards;
using LearningHub.Core.Pages;

namespace LearningHub.Forms.Domain;

/// <summary>
/// A form asked in a context: the reflective questions of a case module section
/// (<c>case-module:child-v:analysis</c>), the baseline and evaluation of an event (<c>event:{id}</c>).
/// Written by the module that owns the context, through <see cref="Services.IFormFilling"/>.
/// </summary>
public class FormAttachment : IBoardOwned, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BoardId { get; set; }

    public Guid FormId { get; set; }

    public required string Context { get; set; }

    public DateTime CreatedUtc { get; set; }
}
