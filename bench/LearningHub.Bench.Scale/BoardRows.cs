using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Accounts;
using LearningHub.Core.Audit;
using LearningHub.Core.Taxonomies;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.Forms.Domain;
using LearningHub.Notifications.Domain;
using Microsoft.AspNetCore.Identity;

namespace LearningHub.Bench.Scale;

/// <summary>What a board's recipe made, read back so the bulk rows can point at it.</summary>
public sealed record BoardSetup(
    Guid BoardId,
    string Slug,
    string ShortName,
    IReadOnlyList<Agency> Agencies,
    IReadOnlyList<Locality> Localities,
    IReadOnlyList<Guid> Themes,
    IReadOnlyList<Guid> Topics,
    IReadOnlyDictionary<string, SetupForm> Forms,
    IReadOnlyDictionary<string, string> RoleIds);

public sealed record SetupForm(Guid FormId, Guid VersionId, bool IsAnonymous, IReadOnlyList<FormQuestion> Questions);

/// <summary>How many of each a board gets (its share of the totals).</summary>
public sealed record BoardQuota(int Accounts, int Modules, int Events, int Bookings, int Completions, int EvaluationAnswers, int AuditEntries, int MailRows, int AuditDays);

/// <summary>
/// Makes one board's bulk rows as the app's own entities, through the domain's own rules where it has them (a booking is
/// requested, then confirmed, put on the waiting list, cancelled or marked on the register by <see cref="Booking"/>'s
/// methods), from a random generator seeded by the board's position: the same board and quota make the same rows.
/// </summary>
public sealed class BoardRows
{
    /// <summary>The share of completions' people who started another module and have not finished it.</summary>
    public const int InProgressPerTenCompletions = 1;

    private static readonly string[] FirstNames = ["Sam", "Alex", "Jo", "Priya", "Tom", "Aisha", "Ben", "Chloe", "Dan", "Emma", "Farah", "George", "Hannah", "Imran", "Jess", "Kate", "Liam", "Maya", "Nadia", "Owen", "Rosa", "Sean", "Tara", "Yusuf"];
    private static readonly string[] LastNames = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Khan", "Evans", "Thomas", "Roberts", "Walker", "Wright", "Hall", "Green", "Hughes", "Clarke", "Ahmed"];
    private static readonly string[] JobRoles = ["Family support worker", "Social worker", "Health visitor", "School nurse", "Designated safeguarding lead", "Police constable", "GP", "Early years practitioner", "Youth worker", "Probation officer"];
    private static readonly string[] Sentences =
    [
        "Agencies held pieces of the picture but nobody put them together.",
        "The child was not seen on their own and their voice was not heard.",
        "Professionals accepted what they were told without checking it with other agencies.",
        "Concerns about domestic abuse were not shared with the health visitor or the school.",
        "The plan relied on one worker and had no contingency when it stalled.",
        "Supervision focused on tasks rather than on what life was like for the child.",
        "A strategy discussion was not held when the threshold was met.",
        "Good practice by the school nurse kept the family engaged for a time.",
        "Escalation routes were not used when a disagreement about thresholds arose.",
        "Fathers and other men in the household were not assessed.",
    ];

    private readonly Random _random;
    private readonly BoardSetup _setup;
    private readonly BoardQuota _quota;
    private readonly DateTime _today;
    private readonly string _passwordHash;
    private readonly int _agencyWorkforce;

    public BoardRows(int boardIndex, BoardSetup setup, BoardQuota quota, DateOnly today, string passwordHash)
    {
        // Seeded by position, not by HashCode (randomised per process): the same parameters make the same data.
        _random = new Random(22_000_003 + (boardIndex * 7_919));
        _setup = setup;
        _quota = quota;
        _today = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        _passwordHash = passwordHash;
        _agencyWorkforce = setup.Agencies.Sum(a => a.Workforce ?? 100);
    }

    public List<ApplicationUser> Users { get; } = [];
    public List<IdentityUserRole<string>> UserRoles { get; } = [];
    public List<CaseModule> Modules { get; } = [];
    public List<CaseModuleVersion> Versions { get; } = [];
    public List<CaseSection> Sections { get; } = [];
    public List<CaseRecommendation> Recommendations { get; } = [];
    public List<CaseVersionTheme> VersionThemes { get; } = [];
    public List<CaseVersionTopic> VersionTopics { get; } = [];
    public List<CaseReviewEvent> ReviewEvents { get; } = [];
    public List<LearningEvent> Events { get; } = [];
    public List<EventLearningLink> EventLinks { get; } = [];
    public List<Booking> Bookings { get; } = [];
    public List<CaseProgress> Progress { get; } = [];
    public List<CaseCertificate> Certificates { get; } = [];
    public List<FormSubmission> Submissions { get; } = [];
    public List<FormAnswer> Answers { get; } = [];
    public List<FormResponseReceipt> Receipts { get; } = [];
    public List<AuditEntry> Audit { get; } = [];
    public List<OutboxMessage> Mail { get; } = [];

    private readonly List<(Agency? Agency, Locality? Locality)> _placeOf = [];

    private ApplicationUser Admin => Users[0];

    private ApplicationUser Coordinator => Users[1];

    private ApplicationUser Author => Users[2];

    /// <summary>The staff accounts each board starts with, by role (all practitioners too, as the app's demo accounts).</summary>
    public static readonly (string Local, string Name, string Role)[] Staff =
    [
        ("admin", "Ash Admin", BoardRoles.BoardAdmin),
        ("coordinator", "Chris Coordinator", BoardRoles.Coordinator),
        ("author", "Alex Author", BoardRoles.Author),
        ("lead", "Lee Lead", BoardRoles.AgencyLead),
    ];

    public static string StaffEmail(string local, string slug) => $"{local}@{slug}.example";

    public void Make()
    {
        MakeAccounts();
        MakeModules();
        MakeEventsAndBookings();
        MakeCompletions();
        MakeEvaluationAnswers();
        MakeAudit();
        MakeMail();
    }

    private Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        // A version 4, RFC 4122 GUID, as Guid.NewGuid makes.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private DateTime DaysAgo(double days) => _today.AddSeconds(-days * 86_400);

    private string Text(int sentences) => string.Join(" ", Enumerable.Range(0, sentences).Select(_ => Sentences[_random.Next(Sentences.Length)]));

    private Agency? SomeAgency()
    {
        if (_setup.Agencies.Count == 0 || _random.Next(40) == 0)
        {
            return null;
        }

        var pick = _random.Next(_agencyWorkforce);
        foreach (var agency in _setup.Agencies)
        {
            pick -= agency.Workforce ?? 100;
            if (pick < 0)
            {
                return agency;
            }
        }

        return _setup.Agencies[^1];
    }

    private void MakeAccounts()
    {
        for (var n = 0; n < _quota.Accounts; n++)
        {
            var staff = n < Staff.Length ? Staff[n] : default;
            var first = FirstNames[_random.Next(FirstNames.Length)];
            var last = LastNames[_random.Next(LastNames.Length)];
            var email = staff.Local is { } local ? StaffEmail(local, _setup.Slug) : $"{first}.{last}.{n}@{_setup.Slug}.example".ToLowerInvariant();
            // Staff are in the board's first agency (as the demo accounts), so an agency lead has an agency to report on.
            var agency = staff.Local is not null ? _setup.Agencies.FirstOrDefault() : SomeAgency();
            var locality = _setup.Localities.Count == 0 || _random.Next(20) == 0 ? null : _setup.Localities[_random.Next(_setup.Localities.Count)];
            var user = new ApplicationUser
            {
                Id = NewId().ToString(),
                BoardId = _setup.BoardId,
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = _passwordHash,
                SecurityStamp = NewId().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = NewId().ToString(),
                LockoutEnabled = true,
                FullName = staff.Name ?? $"{first} {last}",
                AgencyId = agency?.Id,
                LocalityId = locality?.Id,
                JobRole = staff.Role is { } role ? BoardRoles.DisplayName(role) : JobRoles[_random.Next(JobRoles.Length)],
                CreatedUtc = DaysAgo(30 + (_random.NextDouble() * 700)),
            };
            Users.Add(user);
            _placeOf.Add((agency, locality));
            // Every account is a practitioner (registration's role); staff hold their role as well.
            UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = _setup.RoleIds[BoardRoles.Practitioner] });
            if (staff.Role is { } staffRole)
            {
                UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = _setup.RoleIds[staffRole] });
            }
        }
    }

    private void MakeModules()
    {
        ReviewType[] types = [ReviewType.ChildSafeguardingPracticeReview, ReviewType.SeriousCaseReview, ReviewType.PartnershipLearningReview, ReviewType.PracticeLearningBriefing];
        SectionKind[] kinds = [SectionKind.Summary, SectionKind.Background, SectionKind.AnalysisOfPractice, SectionKind.GoodPractice, SectionKind.Recommendations, SectionKind.LearningActivities];
        for (var m = 0; m < _quota.Modules; m++)
        {
            var letter = (char)('A' + (m % 26));
            var title = $"Child {letter}{(m / 26) + 1}";
            var published = DaysAgo(400 - (m * 300.0 / Math.Max(1, _quota.Modules)));
            var module = new CaseModule
            {
                Id = NewId(),
                BoardId = _setup.BoardId,
                Slug = $"child-{char.ToLowerInvariant(letter)}{(m / 26) + 1}",
                Status = CaseModuleStatus.Published,
                Title = title,
                CreatedUtc = published.AddDays(-30),
                CreatedByUserId = Author.Id,
            };
            var version = new CaseModuleVersion
            {
                Id = NewId(),
                BoardId = _setup.BoardId,
                ModuleId = module.Id,
                Module = module,
                Number = 1,
                State = VersionState.Published,
                Title = title,
                ReviewType = types[m % types.Length],
                ReviewPublishedOn = DateOnly.FromDateTime(published.AddDays(-20)),
                Summary = Text(3),
                ContentWarning = "This module describes serious harm to a child.",
                SupportSignposting = "Talk to your line manager or use your organisation's employee assistance programme.",
                KeyMessages = string.Join("\n", Enumerable.Range(0, 3).Select(_ => Sentences[_random.Next(Sentences.Length)])),
                CreatedUtc = published.AddDays(-30),
                SubmittedByUserId = Author.Id,
                SubmittedUtc = published.AddDays(-2),
                PublishedUtc = published,
                PublishedByUserId = Admin.Id,
            };
            module.PublishedVersionId = version.Id;
            for (var s = 0; s < kinds.Length; s++)
            {
                var section = new CaseSection
                {
                    Id = NewId(),
                    Key = NewId(),
                    BoardId = _setup.BoardId,
                    VersionId = version.Id,
                    Position = s,
                    Kind = kinds[s],
                    Title = CaseText.Of(kinds[s]),
                    Body = $"{Text(4)}\n\n{Text(5)}\n\n- {Sentences[_random.Next(Sentences.Length)]}\n- {Sentences[_random.Next(Sentences.Length)]}",
                };
                version.Sections.Add(section);
                Sections.Add(section);
            }

            for (var r = 0; r < 4; r++)
            {
                Recommendations.Add(new CaseRecommendation
                {
                    Id = NewId(),
                    BoardId = _setup.BoardId,
                    VersionId = version.Id,
                    Position = r,
                    Number = $"{r + 1}",
                    Text = $"The partnership should make sure that {Sentences[_random.Next(Sentences.Length)].ToLowerInvariant()}",
                    ThemeId = _setup.Themes.Count == 0 ? null : _setup.Themes[r % _setup.Themes.Count],
                    Scope = (RecommendationScope)(r % 3),
                    Status = RecommendationStatus.Accepted,
                });
            }

            foreach (var theme in _setup.Themes.Skip(m % Math.Max(1, _setup.Themes.Count)).Take(2))
            {
                VersionThemes.Add(new CaseVersionTheme { Id = NewId(), BoardId = _setup.BoardId, VersionId = version.Id, ThemeId = theme });
            }

            foreach (var topic in _setup.Topics.Skip(m % Math.Max(1, _setup.Topics.Count)).Take(2))
            {
                VersionTopics.Add(new CaseVersionTopic { Id = NewId(), BoardId = _setup.BoardId, VersionId = version.Id, TopicId = topic });
            }

            version.SearchText = string.Join("\n", new[] { version.Title, version.Summary }.Concat(version.Sections.Select(s => s.Body)));
            // As publishing computes it: from the words shown (no reflective questions on seeded modules).
            version.EstimatedMinutes = EstimatedTime.Minutes(version, 0);
            ReviewEvents.Add(new CaseReviewEvent
            {
                Id = NewId(),
                BoardId = _setup.BoardId,
                ModuleId = module.Id,
                VersionId = version.Id,
                Action = ReviewAction.Published,
                UserId = Admin.Id,
                UserName = Admin.FullName,
                AtUtc = published,
            });
            Modules.Add(module);
            Versions.Add(version);
        }
    }

    /// <summary>
    /// Events over the last year (four in five, their registers marked) and the next three months, with the board's
    /// bookings spread evenly over them. No event is overbooked: confirmed places never pass the capacity; an upcoming
    /// event is either full with a waiting list or has room; a tenth of the bookings are cancelled, one in fifty on a
    /// past event is a walk-in.
    /// </summary>
    private void MakeEventsAndBookings()
    {
        EventFormat[] formats = [EventFormat.InPerson, EventFormat.InPerson, EventFormat.Online, EventFormat.Hybrid];
        var pastEvents = (int)Math.Round(_quota.Events * 0.8);
        var sequence = 0;
        for (var e = 0; e < _quota.Events; e++)
        {
            var past = e < pastEvents;
            var day = past ? DaysAgo(1 + _random.Next(330)).Date : _today.AddDays(3 + _random.Next(90));
            var start = DateTime.SpecifyKind(day.AddHours(_random.Next(2) == 0 ? 9.5 : 13.5), DateTimeKind.Utc);
            var module = Modules[e % Modules.Count];
            var format = formats[e % formats.Length];
            var locality = _setup.Localities.Count == 0 ? null : _setup.Localities[e % _setup.Localities.Count];
            var n = (_quota.Bookings / _quota.Events) + (e < _quota.Bookings % _quota.Events ? 1 : 0);
            if (n > Users.Count)
            {
                throw new InvalidOperationException($"{_setup.Slug}: {n} bookings on one event but {Users.Count} accounts: one person books an event once. Fewer bookings or more accounts.");
            }

            var cancelled = n / 10;
            // One in fifty, rounded up (so a small event has its walk-in too).
            var walkIns = past && n >= 10 ? (n + 49) / 50 : 0;
            var active = n - cancelled - walkIns;
            // Every other upcoming event (the first included) is full, with a waiting list.
            var full = !past && (e - pastEvents) % 2 == 0;
            // Published ten weeks before (never after today).
            var created = start.AddDays(-70) < _today ? start.AddDays(-70) : _today.AddDays(-1);
            var capacity = full ? Math.Max(1, active * 9 / 10) : active + 5 + _random.Next(20);
            var ev = new LearningEvent
            {
                Id = NewId(),
                BoardId = _setup.BoardId,
                Title = $"Learning from {module.Title}: {(format == EventFormat.Online ? "online briefing" : "multi-agency workshop")} {e + 1}",
                Summary = Text(3),
                Format = format,
                Venue = format == EventFormat.Online ? null : $"{locality?.Name ?? "County"} Hall",
                JoiningLink = format == EventFormat.InPerson ? null : "https://meet.example/learninghub",
                LocalityId = locality?.Id,
                ThemeId = _setup.Themes.Count == 0 ? null : _setup.Themes[e % _setup.Themes.Count],
                StartUtc = start,
                EndUtc = start.AddHours(2.5),
                Capacity = capacity,
                WaitingListEnabled = true,
                Facilitators = "Partnership learning and development team",
                BaselineFormKey = FormKeyIf("event-baseline"),
                EvaluationFormKey = FormKeyIf("event-evaluation"),
                FollowUpFormKey = FormKeyIf("event-follow-up-90-days"),
                FollowUpDays = 90,
                RegisterClosedUtc = past ? start.AddHours(4) : null,
                RegisterClosedBy = past ? Coordinator.FullName : null,
                Status = EventStatus.Published,
                CreatedUtc = created,
                UpdatedUtc = created,
            };
            Events.Add(ev);
            EventLinks.Add(new EventLearningLink { Id = NewId(), BoardId = _setup.BoardId, EventId = ev.Id, ModuleKey = module.Slug, Position = 0 });

            // Distinct people on one event: consecutive accounts from a random start.
            var first = _random.Next(Users.Count);
            var placed = 0;
            var waiting = 0;
            for (var j = 0; j < n; j++)
            {
                var reference = $"{_setup.ShortName}-{Code(sequence++, 5, BookingAlphabet)}";
                var requested = start.AddDays(-(1 + _random.Next(60)));
                if (requested > _today)
                {
                    requested = _today.AddHours(-1 - _random.Next(48));
                }

                if (j >= n - walkIns)
                {
                    var agency = SomeAgency();
                    var walkIn = Booking.WalkIn(ev.Id, reference, $"Walk-in {j}", $"walk-in.{j}@{_setup.Slug}.example", agency?.Name, agency?.Sector, null,
                        Coordinator.FullName, start, _setup.Localities.Count == 0 ? null : _setup.Localities[j % _setup.Localities.Count].Name);
                    walkIn.BoardId = _setup.BoardId;
                    // WalkIn gives the booking a new random id; the seed's own keeps the data reproducible (Id is init-only).
                    BookingId.SetValue(walkIn, NewId());
                    Bookings.Add(walkIn);
                    continue;
                }

                var who = (first + j) % Users.Count;
                var user = Users[who];
                var (userAgency, userLocality) = _placeOf[who];
                var booking = Booking.Request(NewId(), ev.Id, reference, user.Id, user.FullName, user.Email!, userAgency?.Name, userAgency?.Sector,
                    user.JobRole, userLocality?.Name, null, null, requested);
                booking.BoardId = _setup.BoardId;
                if (j < cancelled)
                {
                    booking.Confirm(requested);
                    booking.Cancel(requested.AddDays(1) < start ? requested.AddDays(1) : requested, user.Id);
                }
                else if (placed < capacity)
                {
                    booking.Confirm(requested);
                    placed++;
                    if (past)
                    {
                        var roll = _random.Next(100);
                        var mark = roll < 80 ? AttendanceMark.Attended : roll < 85 ? AttendanceMark.PartlyAttended : AttendanceMark.NoShow;
                        booking.MarkAttendance(mark, AttendanceSource.Register, Coordinator.FullName, start.AddHours(3));
                    }
                }
                else
                {
                    booking.JoinWaitingList(++waiting);
                }

                Bookings.Add(booking);
            }
        }
    }

    private static readonly System.Reflection.PropertyInfo BookingId = typeof(Booking).GetProperty(nameof(Booking.Id))!;

    private string? FormKeyIf(string key) => _setup.Forms.ContainsKey(key) ? key : null;

    private const string BookingAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const string CertificateAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>
    /// The n-th code of a board, distinct for every n below alphabet^length: n times a number prime to the code space,
    /// in the code space, written in the alphabet (so consecutive codes do not look consecutive).
    /// </summary>
    private static string Code(int n, int length, string alphabet)
    {
        var space = (long)Math.Pow(alphabet.Length, length);
        var value = ((n * 7_919L) + 104_729) % space;
        Span<char> chars = stackalloc char[length];
        for (var i = length - 1; i >= 0; i--)
        {
            chars[i] = alphabet[(int)(value % alphabet.Length)];
            value /= alphabet.Length;
        }

        return new string(chars);
    }

    /// <summary>
    /// Completed module progress with its certificate, as completing a module leaves them, and a tenth as many modules
    /// started and not finished. Each person and module at most once: the k-th pair is k times a stride prime to the
    /// number of pairs, so pairs never repeat and spread over people and modules.
    /// </summary>
    private void MakeCompletions()
    {
        var inProgress = _quota.Completions * InProgressPerTenCompletions / 10;
        var pairs = (long)Users.Count * Modules.Count;
        if (_quota.Completions + inProgress > pairs)
        {
            throw new InvalidOperationException($"{_setup.Slug}: {_quota.Completions + inProgress:N0} module progress rows but only {pairs:N0} person-module pairs. Fewer completions or more accounts or modules.");
        }

        var stride = new[] { 1_000_003L, 998_244_353L, 2_147_483_647L }.First(p => GreatestCommonDivisor(p, pairs) == 1);
        for (var k = 0; k < _quota.Completions + inProgress; k++)
        {
            var pair = k * stride % pairs;
            var user = Users[(int)(pair / Modules.Count)];
            var version = Versions[(int)(pair % Modules.Count)];
            var done = k < _quota.Completions;
            var finished = DaysAgo(_random.NextDouble() * 360);
            if (finished < version.PublishedUtc)
            {
                finished = version.PublishedUtc!.Value.AddDays(1 + _random.Next(20));
            }

            var seconds = 1_200 + _random.Next(3_600);
            var progress = new CaseProgress
            {
                Id = NewId(),
                BoardId = _setup.BoardId,
                UserId = user.Id,
                ModuleId = version.ModuleId,
                VersionId = version.Id,
                StartedUtc = finished.AddSeconds(-seconds * 2),
                LastActivityUtc = finished,
                SecondsSpent = seconds,
                CompletedUtc = done ? finished : null,
            };
            Progress.Add(progress);
            if (done)
            {
                var code = Code(k, 8, CertificateAlphabet);
                Certificates.Add(new CaseCertificate
                {
                    Id = NewId(),
                    BoardId = _setup.BoardId,
                    ProgressId = progress.Id,
                    UserId = user.Id,
                    Code = $"{_setup.ShortName}-{code[..4]}-{code[4..]}",
                    HolderName = user.FullName,
                    ModuleTitle = version.Title,
                    ModuleSlug = version.Module.Slug,
                    VersionNumber = version.Number,
                    CompletedUtc = finished,
                    MinutesSpent = Math.Max(1, seconds / 60),
                });
            }
        }
    }

    private static long GreatestCommonDivisor(long a, long b) => b == 0 ? a : GreatestCommonDivisor(b, a % b);

    /// <summary>
    /// The events' evaluations, answered by the people who came (attended or partly): the before form (anonymous, two days
    /// before), the after form (anonymous, that day) and the follow-up (named, 90 days on, when that has come), each with a
    /// receipt as the app writes one, until the answers reach the quota exactly (the last submission answers fewer questions).
    /// </summary>
    private void MakeEvaluationAnswers()
    {
        if (_quota.EvaluationAnswers == 0)
        {
            return;
        }

        var events = Events.ToDictionary(e => e.Id);
        var came = Bookings.Where(b => b.UserId is not null && b.Attendance is AttendanceMark.Attended or AttendanceMark.PartlyAttended).ToList();
        var byUser = Users.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i);
        string[] stages = ["event-baseline", "event-evaluation", "event-follow-up-90-days"];
        foreach (var booking in came)
        {
            var ev = events[booking.EventId];
            foreach (var key in stages)
            {
                if (Answers.Count >= _quota.EvaluationAnswers)
                {
                    return;
                }

                // Three in ten who came skip each form.
                if (!_setup.Forms.TryGetValue(key, out var form) || _random.Next(10) < 3)
                {
                    continue;
                }

                var at = key switch
                {
                    "event-baseline" => ev.StartUtc.AddDays(-2),
                    "event-evaluation" => ev.StartUtc.AddHours(3),
                    _ => ev.StartUtc.AddDays(90),
                };
                if (at > _today)
                {
                    continue;
                }

                var user = Users[byUser[booking.UserId!]];
                var (agency, locality) = _placeOf[byUser[booking.UserId!]];
                var context = EventFormContext.For(ev.Id);
                var submission = new FormSubmission
                {
                    Id = NewId(),
                    BoardId = _setup.BoardId,
                    FormId = form.FormId,
                    FormVersionId = form.VersionId,
                    Context = context,
                    UserId = form.IsAnonymous ? null : user.Id,
                    RespondentName = form.IsAnonymous ? null : user.FullName,
                    RespondentEmail = form.IsAnonymous ? null : user.Email,
                    AgencyId = agency?.Id,
                    Sector = agency?.Sector,
                    LocalityId = locality?.Id,
                    // Anonymous answers are kept to the day, as the app keeps them.
                    StartedUtc = form.IsAnonymous ? at.Date : at.AddMinutes(-6),
                    UpdatedUtc = form.IsAnonymous ? at.Date : at,
                    SubmittedUtc = form.IsAnonymous ? at.Date : at,
                };
                Submissions.Add(submission);
                Receipts.Add(new FormResponseReceipt { Id = NewId(), BoardId = _setup.BoardId, FormId = form.FormId, Context = context, UserId = user.Id, SubmittedOnUtc = at.Date });
                foreach (var question in form.Questions)
                {
                    if (Answers.Count >= _quota.EvaluationAnswers)
                    {
                        break;
                    }

                    if (!question.IsRequired && _random.Next(2) == 0)
                    {
                        continue;
                    }

                    Answers.Add(new FormAnswer { Id = NewId(), BoardId = _setup.BoardId, SubmissionId = submission.Id, QuestionId = question.Id, Value = AnswerTo(question, key, at) });
                }
            }
        }

        if (Answers.Count < _quota.EvaluationAnswers)
        {
            throw new InvalidOperationException($"{_setup.Slug}: only {Answers.Count:N0} evaluation answers from the {came.Count:N0} people who came, {_quota.EvaluationAnswers:N0} asked. More bookings or fewer answers.");
        }
    }

    private string AnswerTo(FormQuestion question, string stage, DateTime at)
    {
        var options = question.Options;
        return question.Type switch
        {
            // Confidence rises after the event.
            QuestionType.Scale => $"{(stage == "event-baseline" ? 1 : 3) + _random.Next(3)}",
            QuestionType.YesNo => _random.Next(5) == 0 ? "no" : "yes",
            QuestionType.SingleChoice when options.Count > 0 => options[_random.Next(options.Count)],
            QuestionType.MultipleChoice when options.Count > 0 => string.Join("\n", options.Where((_, i) => i == 0 || _random.Next(2) == 0)),
            QuestionType.Date => DateOnly.FromDateTime(at.AddDays(-_random.Next(30))).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            _ => Sentences[_random.Next(Sentences.Length)],
        };
    }

    /// <summary>The board's audit log over the audit days: the actions the app records, by its staff or the system.</summary>
    private void MakeAudit()
    {
        var cancelled = Bookings.Where(b => b.Status == BookingStatus.Cancelled).ToList();
        for (var i = 0; i < _quota.AuditEntries; i++)
        {
            var at = DaysAgo(_random.NextDouble() * _quota.AuditDays);
            var roll = _random.Next(10);
            var actor = roll < 3 ? Admin : Coordinator;
            var (action, target) = roll switch
            {
                < 3 when Users[_random.Next(Users.Count)] is var person => ("accounts.account.created", new AuditTarget("Account", person.Id, person.FullName)),
                < 6 when cancelled.Count > 0 && cancelled[_random.Next(cancelled.Count)] is var booking => ("events.booking.cancelled", new AuditTarget("Booking", booking.Id.ToString(), booking.Reference)),
                < 8 when Events[_random.Next(Events.Count)] is var ev => ("events.register.closed", new AuditTarget("Event", ev.Id.ToString(), ev.Title)),
                < 9 when Modules[_random.Next(Modules.Count)] is var module => ("cases.module.published", new AuditTarget("CaseModule", module.Id.ToString(), module.Title)),
                _ => ("mail.settings.changed", new AuditTarget("MailSettings", _setup.BoardId.ToString(), _setup.ShortName)),
            };
            Audit.Add(new AuditEntry
            {
                Id = NewId(),
                BoardId = _setup.BoardId,
                Action = action,
                OccurredUtc = at,
                ActorUserId = actor.Id,
                ActorName = actor.FullName,
                TargetType = target.Type,
                TargetId = target.Id,
                TargetLabel = target.Label,
                ChangesJson = roll >= 9 ? """{"FromName":{"from":"LearningHub","to":"Partnership LearningHub"}}""" : null,
                RequestId = $"0HN{i:X8}:00000001",
            });
        }
    }

    /// <summary>
    /// The outbox over the audit days: booking confirmations and completion mails (their real categories and dedupe keys),
    /// nineteen in twenty sent, the rest queued or failed.
    /// </summary>
    private void MakeMail()
    {
        var confirmed = Bookings.Where(b => b.UserId is not null && b.ConfirmedUtc is not null).ToList();
        var emails = Certificates.Count == 0 ? [] : Users.ToDictionary(u => u.Id, u => u.Email!);
        var (nextBooking, nextCertificate) = (0, 0);
        for (var i = 0; i < _quota.MailRows; i++)
        {
            var created = DaysAgo(_random.NextDouble() * _quota.AuditDays);
            string key, category, to, name, subject;
            if ((i % 2 == 0 || nextCertificate >= Certificates.Count) && nextBooking < confirmed.Count)
            {
                var booking = confirmed[nextBooking++];
                (key, category, to, name, subject) = ($"events.confirmed:{booking.Id}:0", EventMailTemplates.Confirmed.Key, booking.Email, booking.FullName, $"Your place is booked: {booking.Reference}");
            }
            else if (nextCertificate < Certificates.Count)
            {
                var certificate = Certificates[nextCertificate++];
                (key, category, to, name, subject) = ($"cases.module-completed:{certificate.ProgressId}", CasesMailTemplates.ModuleCompleted.Key,
                    emails[certificate.UserId], certificate.HolderName, $"You completed {certificate.ModuleTitle}");
            }
            else
            {
                (key, category, to, name, subject) = ($"scale.notice:{i}", EventMailTemplates.Reminder.Key, $"person.{i}@{_setup.Slug}.example", "A practitioner", "Reminder: your event is coming up");
            }

            var roll = _random.Next(100);
            var status = roll < 95 ? OutboxStatus.Sent : roll < 98 ? OutboxStatus.Pending : OutboxStatus.Failed;
            Mail.Add(new OutboxMessage
            {
                Id = NewId(),
                BoardId = _setup.BoardId,
                DedupeKey = key,
                Category = category,
                ToAddress = to,
                ToName = name,
                Subject = subject,
                TextBody = $"{subject}\n\n{Sentences[_random.Next(Sentences.Length)]}",
                HtmlBody = $"<p>{subject}</p><p>{Sentences[_random.Next(Sentences.Length)]}</p>",
                Status = status,
                Attempts = status switch { OutboxStatus.Sent => 1, OutboxStatus.Failed => 8, _ => 0 },
                NextAttemptUtc = created,
                LastError = status == OutboxStatus.Failed ? "550 5.1.1 Mailbox unavailable" : null,
                CreatedUtc = created,
                SentUtc = status == OutboxStatus.Sent ? created.AddSeconds(5 + _random.Next(60)) : null,
            });
        }
    }
}
