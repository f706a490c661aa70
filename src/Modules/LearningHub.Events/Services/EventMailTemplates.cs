using LearningHub.Notifications.Templates;

namespace LearningHub.Events.Services;

/// <summary>The events module's mail, in the house style of <see cref="DefaultMailTemplates"/>; boards may reword each.</summary>
public static class EventMailTemplates
{
    public const string EventTitle = "event.title";
    public const string EventWhen = "event.when";
    public const string EventWhere = "event.where";
    public const string Reference = "booking.reference";
    public const string Link = "link";
    public const string DeclineLink = "declineLink";
    public const string Expires = "offer.expires";
    public const string Position = "waitlist.position";
    public const string QrCode = "checkin.qrCode";
    public const string CheckInLink = "checkin.link";
    public const string Practitioner = "practitioner.name";
    public const string Message = "message";
    public const string BaselineLink = "baseline.link";

    private static readonly MailPlaceholder[] EventPlaceholders =
    [
        new(EventTitle, "The event's title", "Learning from Case Y: roadshow (Norwich)"),
        new(EventWhen, "When the event is, in UK time", "Tuesday 9 December 2026, 9:30am to 12:30pm"),
        new(EventWhere, "The venue or joining link (only sent to people with a place)", "County Hall, Martineau Lane, Norwich NR1 2DH"),
        new(Reference, "The booking reference", "NSCB-7Q4K2"),
        new(Link, "The address of the booking's page", "https://learning.example.org/esp/events/bookings/NSCB-7Q4K2"),
    ];

    // The confirmation's wording, in the parts the plain one and the one with a baseline link share.
    private const string ConfirmedSubject = "{{ board.shortName }}: Your place at {{ event.title }} is confirmed ({{ booking.reference }})";

    private const string ConfirmedTextOpening = """
        Dear {{ recipient.name }},

        Your place is confirmed.

        Event: {{ event.title }}
        When: {{ event.when }}
        Where: {{ event.where }}
        Booking reference: {{ booking.reference }}


        """;

    private const string ConfirmedTextClosing = """
        A calendar invite is attached. Show the QR code in this email (the HTML version) at the door to check in;
        staff without a scanner can open this check-in address: {{ checkin.link }}

        See or cancel your booking: {{ link }}

        """;

    private const string ConfirmedHtmlOpening = """
        <p>Dear {{ recipient.name }},</p>
        <p>Your place is confirmed.</p>
        <p><strong>{{ event.title }}</strong><br>When: {{ event.when }}<br>Where: {{ event.where }}<br>Booking reference: <strong>{{ booking.reference }}</strong></p>

        """;

    private const string ConfirmedHtmlClosing = """
        <p>A calendar invite is attached. Show this QR code at the door to check in:</p>
        <p><img src="{{ checkin.qrCode }}" alt="Check-in QR code for booking {{ booking.reference }}" width="180" height="180"></p>
        <p><a href="{{ link }}">See or cancel your booking</a></p>

        """;

    public static MailTemplateDefinition Confirmed { get; } = new(
        "events.booking-confirmed", "Booking confirmed", "Sent when someone gets a place at an event (with a calendar invite and a check-in QR code).",
        [.. EventPlaceholders,
            new(QrCode, "The address of the check-in QR code image, which goes with the mail as an inline picture; use it in an img src", "data:image/png;base64,iVBORw0KGgo="),
            new(CheckInLink, "The check-in address held in the QR code, for staff at the door", "https://learning.example.org/esp/events/check-in/SAMPLE")],
        ConfirmedSubject,
        ConfirmedTextOpening + ConfirmedTextClosing + DefaultMailTemplates.TextSignOff,
        ConfirmedHtmlOpening + ConfirmedHtmlClosing + DefaultMailTemplates.HtmlSignOff);

    public static MailTemplateDefinition Waitlisted { get; } = new(
        "events.booking-waitlisted", "On the waiting list", "Sent when someone joins the waiting list of a full event.",
        [.. EventPlaceholders, new(Position, "Their place in the queue", "3")],
        "{{ board.shortName }}: You are on the waiting list for {{ event.title }}",
        """
        Dear {{ recipient.name }},

        {{ event.title }} ({{ event.when }}) is full, so you are on the waiting list: number {{ waitlist.position }} in the queue.

        If a place comes up we will email you an offer to accept. Your reference is {{ booking.reference }}.

        Leave the waiting list: {{ link }}

        """ + DefaultMailTemplates.TextSignOff,
        """
        <p>Dear {{ recipient.name }},</p>
        <p>{{ event.title }} ({{ event.when }}) is full, so you are on the waiting list: number {{ waitlist.position }} in the queue.</p>
        <p>If a place comes up we will email you an offer to accept. Your reference is {{ booking.reference }}.</p>
        <p><a href="{{ link }}">See your booking or leave the waiting list</a></p>

        """ + DefaultMailTemplates.HtmlSignOff);

    public static MailTemplateDefinition Offered { get; } = new(
        "events.place-offered", "A place is offered", "Sent to the next person on the waiting list when a place comes up; the offer is held until it expires.",
        [.. EventPlaceholders, new(Expires, "When the offer runs out, in UK time", "Thursday 4 December 2026, 5pm"),
            new(DeclineLink, "The address to turn the place down", "https://learning.example.org/esp/events/bookings/NSCB-7Q4K2/offer?choice=decline")],
        "{{ board.shortName }}: A place at {{ event.title }} is yours if you want it",
        """
        Dear {{ recipient.name }},

        A place has come up at {{ event.title }} ({{ event.when }}). It is held for you until {{ offer.expires }}; after that it goes to the next person on the waiting list.

        Accept the place: {{ link }}
        Turn it down: {{ declineLink }}

        """ + DefaultMailTemplates.TextSignOff,
        """
        <p>Dear {{ recipient.name }},</p>
        <p>A place has come up at <strong>{{ event.title }}</strong> ({{ event.when }}). It is held for you until <strong>{{ offer.expires }}</strong>; after that it goes to the next person on the waiting list.</p>
        <p><a href="{{ link }}">Accept the place</a></p>
        <p><a href="{{ declineLink }}">Turn it down</a></p>

        """ + DefaultMailTemplates.HtmlSignOff);

    public static MailTemplateDefinition OfferExpired { get; } = new(
        "events.offer-expired", "Offer expired", "Sent when an offered place was not accepted in time and has passed to the next person.",
        EventPlaceholders,
        "{{ board.shortName }}: Your offer of a place at {{ event.title }} has run out",
        """
        Dear {{ recipient.name }},

        We offered you a place at {{ event.title }} ({{ event.when }}), but it was not accepted in time, so it has gone to the next person on the waiting list.

        You can book again if places come up: {{ link }}

        """ + DefaultMailTemplates.TextSignOff,
        """
        <p>Dear {{ recipient.name }},</p>
        <p>We offered you a place at {{ event.title }} ({{ event.when }}), but it was not accepted in time, so it has gone to the next person on the waiting list.</p>
        <p><a href="{{ link }}">See the event</a></p>

        """ + DefaultMailTemplates.HtmlSignOff);

    public static MailTemplateDefinition Cancelled { get; } = new(
        "events.booking-cancelled", "Booking cancelled", "Sent when someone cancels their booking or leaves a waiting list (with a calendar cancellation).",
        EventPlaceholders,
        "{{ board.shortName }}: Your booking for {{ event.title }} is cancelled ({{ booking.reference }})",
        """
        Dear {{ recipient.name }},

        Your booking {{ booking.reference }} for {{ event.title }} ({{ event.when }}) is cancelled. If it was in your calendar, the attached file removes it.

        Book again: {{ link }}

        """ + DefaultMailTemplates.TextSignOff,
        """
        <p>Dear {{ recipient.name }},</p>
        <p>Your booking {{ booking.reference }} for {{ event.title }} ({{ event.when }}) is cancelled. If it was in your calendar, the attached file removes it.</p>
        <p><a href="{{ link }}">See the event</a></p>

        """ + DefaultMailTemplates.HtmlSignOff);

    public static MailTemplateDefinition Reminder { get; } = new(
        "events.reminder", "Reminder before an event", "Sent before an event (the board's default is two days) to everyone with a place.",
        EventPlaceholders,
        "{{ board.shortName }}: Reminder: {{ event.title }} on {{ event.when }}",
        """
        Dear {{ recipient.name }},

        This is a reminder that you have a place at {{ event.title }}.

        When: {{ event.when }}
        Where: {{ event.where }}
        Booking reference: {{ booking.reference }}

        If you can no longer come, please cancel so someone on the waiting list can have your place: {{ link }}

        """ + DefaultMailTemplates.TextSignOff,
        """
        <p>Dear {{ recipient.name }},</p>
        <p>This is a reminder that you have a place at <strong>{{ event.title }}</strong>.</p>
        <p>When: {{ event.when }}<br>Where: {{ event.where }}<br>Booking reference: {{ booking.reference }}</p>
        <p>If you can no longer come, please <a href="{{ link }}">cancel your booking</a> so someone on the waiting list can have your place.</p>

        """ + DefaultMailTemplates.HtmlSignOff);

    public static MailTemplateDefinition Changed { get; } = new(
        "events.event-changed", "Event moved or changed", "Sent to everyone with a place when the coordinator changes the time or place (with an updated calendar invite).",
        EventPlaceholders,
        "{{ board.shortName }}: {{ event.title }} has changed",
        """
        Dear {{ recipient.name }},

        {{ event.title }} has changed. It is now:

        When: {{ event.when }}
        Where: {{ event.where }}

        Your place ({{ booking.reference }}) is kept. The attached invite updates your calendar. If you can no longer come, cancel here: {{ link }}

        """ + DefaultMailTemplates.TextSignOff,
        """
        <p>Dear {{ recipient.name }},</p>
        <p><strong>{{ event.title }}</strong> has changed. It is now:</p>
        <p>When: {{ event.when }}<br>Where: {{ event.where }}</p>
        <p>Your place ({{ booking.reference }}) is kept. The attached invite updates your calendar. If you can no longer come, <a href="{{ link }}">cancel your booking</a>.</p>

        """ + DefaultMailTemplates.HtmlSignOff);

    public static MailTemplateDefinition EventCancelled { get; } = new(
        "events.event-cancelled", "Event cancelled", "Sent to everyone booked or waiting when the coordinator cancels an event (with a calendar cancellation).",
        EventPlaceholders,
        "{{ board.shortName }}: {{ event.title }} is cancelled",
        """
        Dear {{ recipient.name }},

        We are sorry: {{ event.title }} ({{ event.when }}) is cancelled. Your booking {{ booking.reference }} is cancelled with it; the attached file removes it from your calendar.

        See other events: {{ link }}

        """ + DefaultMailTemplates.TextSignOff,
        """
        <p>Dear {{ recipient.name }},</p>
        <p>We are sorry: <strong>{{ event.title }}</strong> ({{ event.when }}) is cancelled. Your booking {{ booking.reference }} is cancelled with it; the attached file removes it from your calendar.</p>
        <p><a href="{{ link }}">See other events</a></p>

        """ + DefaultMailTemplates.HtmlSignOff);

    public static MailTemplateDefinition ApprovalRequest { get; } = new(
        "events.approval-request", "Manager approval request", "Sent to a practitioner's line manager when an event needs their approval; the links need no account.",
        [.. EventPlaceholders, new(Practitioner, "The name of the person asking to attend", "Sam Taylor"),
            new(Expires, "When the held place is released if nobody answers", "Friday 5 December 2026, 5pm"),
            new(DeclineLink, "The address to decline", "https://learning.example.org/esp/events/approval/SAMPLE")],
        "{{ board.shortName }}: Please approve {{ practitioner.name }}'s place at {{ event.title }}",
        """
        Dear colleague,

        {{ practitioner.name }} has asked to attend {{ event.title }} ({{ event.when }}) and gave your email address as their line manager.

        A place is held for them until {{ offer.expires }}.

        Approve: {{ link }}
        Decline: {{ declineLink }}

        You do not need an account. Each link works once.

        """ + DefaultMailTemplates.TextSignOff,
        """
        <p>Dear colleague,</p>
        <p>{{ practitioner.name }} has asked to attend <strong>{{ event.title }}</strong> ({{ event.when }}) and gave your email address as their line manager.</p>
        <p>A place is held for them until {{ offer.expires }}.</p>
        <p><a href="{{ link }}">Approve this place</a></p>
        <p><a href="{{ declineLink }}">Decline this place</a></p>
        <p>You do not need an account. Each link works once.</p>

        """ + DefaultMailTemplates.HtmlSignOff);

    public static MailTemplateDefinition ApprovalDeclined { get; } = new(
        "events.approval-declined", "Manager approval declined", "Sent to the practitioner when their line manager declines, or does not answer in time.",
        EventPlaceholders,
        "{{ board.shortName }}: Your place at {{ event.title }} was not approved",
        """
        Dear {{ recipient.name }},

        Your place at {{ event.title }} ({{ event.when }}) was not approved by your line manager in time, so it has been released. Your reference was {{ booking.reference }}.

        Talk to your line manager, then book again if places are left: {{ link }}

        """ + DefaultMailTemplates.TextSignOff,
        """
        <p>Dear {{ recipient.name }},</p>
        <p>Your place at {{ event.title }} ({{ event.when }}) was not approved by your line manager in time, so it has been released. Your reference was {{ booking.reference }}.</p>
        <p>Talk to your line manager, then <a href="{{ link }}">book again</a> if places are left.</p>

        """ + DefaultMailTemplates.HtmlSignOff);

    public static MailTemplateDefinition AttendeeMessage { get; } = new(
        "events.message", "Message to attendees", "A message the coordinator writes to everyone with a place at an event.",
        [.. EventPlaceholders, new(Message, "The coordinator's message", "Please bring a copy of the briefing.")],
        "{{ board.shortName }}: About {{ event.title }}",
        """
        Dear {{ recipient.name }},

        A message about {{ event.title }} ({{ event.when }}):

        {{ message }}

        Your booking: {{ link }}

        """ + DefaultMailTemplates.TextSignOff,
        """
        <p>Dear {{ recipient.name }},</p>
        <p>A message about <strong>{{ event.title }}</strong> ({{ event.when }}):</p>
        <p style="white-space: pre-line">{{ message }}</p>
        <p><a href="{{ link }}">Your booking</a></p>

        """ + DefaultMailTemplates.HtmlSignOff);

    public static MailTemplateDefinition NoShow { get; } = new(
        "events.no-show", "Missed event", "Sent when the register closes to people with a place who were marked as not attending (a no-show).",
        EventPlaceholders,
        "{{ board.shortName }}: We missed you at {{ event.title }}",
        """
        Dear {{ recipient.name }},

        You had a place at {{ event.title }} ({{ event.when }}), booking {{ booking.reference }}, but the register shows you did not attend.

        Places are limited and others were waiting for them. If you cannot come to an event in future, please cancel your booking so the place can go to someone else.

        If you think the register is wrong, or you would like to book another session, reply to the contact below or see our events: {{ link }}

        """ + DefaultMailTemplates.TextSignOff,
        """
        <p>Dear {{ recipient.name }},</p>
        <p>You had a place at <strong>{{ event.title }}</strong> ({{ event.when }}), booking {{ booking.reference }}, but the register shows you did not attend.</p>
        <p>Places are limited and others were waiting for them. If you cannot come to an event in future, please cancel your booking so the place can go to someone else.</p>
        <p>If you think the register is wrong, contact us below, or <a href="{{ link }}">see our events</a> to book another session.</p>

        """ + DefaultMailTemplates.HtmlSignOff);

    /// <summary>The confirmation when the event asks a baseline form: the same, with the link to the questions before the event.</summary>
    public static MailTemplateDefinition ConfirmedWithBaseline { get; } = new(
        "events.booking-confirmed-baseline", "Booking confirmed (with questions before the event)",
        "Sent instead of \"Booking confirmed\" when the event asks a few questions before it (its baseline form), with a link to them.",
        [.. Confirmed.Placeholders,
            new(BaselineLink, "The address of the questions to answer before the event", "https://learning.example.org/esp/forms/event-baseline?context=event:42")],
        ConfirmedSubject,
        ConfirmedTextOpening + """
            Before the event, please answer a few short questions about where you are now, so we can see what the event changed:
            {{ baseline.link }}


            """ + ConfirmedTextClosing + DefaultMailTemplates.TextSignOff,
        ConfirmedHtmlOpening + """
            <p>Before the event, please <a href="{{ baseline.link }}">answer a few short questions about where you are now</a>, so we can see what the event changed.</p>

            """ + ConfirmedHtmlClosing + DefaultMailTemplates.HtmlSignOff);

    public static IReadOnlyList<MailTemplateDefinition> All { get; } =
        [Confirmed, ConfirmedWithBaseline, NoShow, Waitlisted, Offered, OfferExpired, Cancelled, Reminder, Changed, EventCancelled, ApprovalRequest, ApprovalDeclined, AttendeeMessage];
}
