using System.Diagnostics;
using LearningHub.Cases.Domain;
using LearningHub.Cases.Services;
using LearningHub.Core.Accounts;
using LearningHub.Core.Data;
using LearningHub.Core.Taxonomies;
using LearningHub.Events.Domain;
using LearningHub.Events.Services;
using LearningHub.Forms.Domain;
using LearningHub.Impact.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningHub.Bench.Impact;

/// <summary>How big the board is. The sizes are the defaults.</summary>
internal sealed record SeedSize(int Practitioners = 10_000, int Bookings = 100_000, int Answers = 50_000, int Completions = 20_000, int Events = 500);

/// <summary>
/// One board (Norfolk, after its recipe: its agencies with their workforce, localities, case modules with their
/// recommendations, and its before / after / follow-up forms) filled with a year of learning: practitioners spread over
/// the agencies (weighted by workforce), sectors and localities; events (some in roadshows) linked to modules and
/// recommendations, with bookings, cancellations, walk-ins and a register marked; module completions; evaluation
/// answers before, straight after and at follow-up (confidence scales, "did you use it", "what did you change",
/// quotable); and a status history for every recommendation. Nine tenths of it in the current reporting year (the
/// pack's default period), a tenth in the year before, so the period filters have something to leave out.
/// Fixed random seed: every run seeds the same board.
/// </summary>
internal static class ImpactSeed
{
    public static async Task<string> SeedAsync(BenchApp site, SeedSize size)
    {
        var clock = Stopwatch.StartNew();
        var counts = await site.WithBoardAsync("norfolk", async services =>
        {
            var db = services.GetRequiredService<LearningHubDbContext>();
            var boardId = db.CurrentBoardId!.Value;
            var random = new Random(18);
            var now = DateTime.UtcNow;
            var year = ReportPeriod.ReportingYearOf(DateOnly.FromDateTime(now));
            var yearStart = year.FromUtc;
            var lastYearStart = yearStart.AddYears(-1);
            // A time in the current reporting year up to yesterday (nine times in ten) or in the year before.
            DateTime SomeTime() => random.Next(10) == 0
                ? lastYearStart.AddSeconds(random.NextDouble() * (yearStart - lastYearStart).TotalSeconds)
                : yearStart.AddSeconds(random.NextDouble() * (now.AddDays(-1) - yearStart).TotalSeconds);

            var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Name).ToListAsync();
            var localities = await db.Localities.AsNoTracking().OrderBy(l => l.SortOrder).ThenBy(l => l.Name).ToListAsync();
            var totalWorkforce = agencies.Sum(a => a.Workforce ?? 100);
            Agency? SomeAgency()
            {
                if (random.Next(40) == 0)
                {
                    return null; // an account without an agency
                }

                var pick = random.Next(totalWorkforce);
                foreach (var agency in agencies)
                {
                    pick -= agency.Workforce ?? 100;
                    if (pick < 0)
                    {
                        return agency;
                    }
                }

                return agencies[^1];
            }

            // Practitioners: one password hash for all (PBKDF2 is deliberately slow; nobody signs in as them).
            var hash = services.GetRequiredService<IPasswordHasher<ApplicationUser>>().HashPassword(new ApplicationUser(), "Bench-Practitioner-1");
            var people = new List<(ApplicationUser User, Agency? Agency, Locality? Locality)>(size.Practitioners);
            for (var n = 0; n < size.Practitioners; n++)
            {
                var agency = SomeAgency();
                var locality = random.Next(20) == 0 ? null : localities[random.Next(localities.Count)];
                var email = $"practitioner{n}@agency.example";
                people.Add((new ApplicationUser
                {
                    Id = Guid.NewGuid().ToString(),
                    BoardId = boardId,
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true,
                    PasswordHash = hash,
                    SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                    ConcurrencyStamp = Guid.NewGuid().ToString(),
                    LockoutEnabled = true,
                    FullName = $"Practitioner {n}",
                    AgencyId = agency?.Id,
                    LocalityId = locality?.Id,
                    JobRole = "Family support worker",
                    CreatedUtc = lastYearStart,
                }, agency, locality));
            }

            // Module completions (and some modules started, not finished): one progress row per person and module.
            var modules = await db.Set<CaseModule>().AsNoTracking().Where(m => m.PublishedVersionId != null).OrderBy(m => m.Slug).ToListAsync();
            var progress = new List<CaseProgress>(size.Completions);
            var started = new HashSet<(int, int)>();
            while (progress.Count < size.Completions && started.Count < people.Count * modules.Count)
            {
                var (who, which) = (random.Next(people.Count), random.Next(modules.Count));
                if (!started.Add((who, which)))
                {
                    continue;
                }

                var at = SomeTime();
                progress.Add(new CaseProgress
                {
                    BoardId = boardId,
                    UserId = people[who].User.Id,
                    ModuleId = modules[which].Id,
                    VersionId = modules[which].PublishedVersionId!.Value,
                    StartedUtc = at.AddHours(-2),
                    LastActivityUtc = at,
                    SecondsSpent = 3600 + random.Next(3600),
                    CompletedUtc = random.Next(8) == 0 ? null : at,
                });
            }

            // Recommendations of the published modules, for the events' links and the status histories.
            var recommendations = await services.GetRequiredService<RecommendationRecord>().Published()
                .OrderBy(r => r.ModuleSlug).ThenBy(r => r.Position).Select(r => new { r.ModuleId, r.ModuleSlug, r.Number }).ToListAsync();

            // Events: a tenth in ten roadshows; each linked to a module and, one in two, to one of its recommendations.
            var roadshows = Enumerable.Range(0, 10).Select(i => new Roadshow
            {
                BoardId = boardId,
                Key = $"bench-roadshow-{i}",
                Title = $"Bench roadshow {i}",
                Summary = "Learning from the board's reviews.",
                Status = EventStatus.Published,
                CreatedUtc = lastYearStart,
            }).ToList();
            var events = new List<LearningEvent>(size.Events);
            var links = new List<EventLearningLink>();
            for (var i = 0; i < size.Events; i++)
            {
                var start = SomeTime();
                var ev = new LearningEvent
                {
                    BoardId = boardId,
                    RoadshowId = i % 10 == 0 ? roadshows[i / 10 % roadshows.Count].Id : null,
                    Title = $"Bench session {i}",
                    Summary = "Learning from the board's reviews.",
                    Format = EventFormat.InPerson,
                    Venue = "County Hall",
                    LocalityId = localities[random.Next(localities.Count)].Id,
                    StartUtc = start,
                    EndUtc = start.AddHours(3),
                    Capacity = (size.Bookings / Math.Max(1, size.Events)) + 20,
                    BaselineFormKey = "event-baseline",
                    EvaluationFormKey = "event-evaluation",
                    FollowUpFormKey = "event-follow-up-90-days",
                    FollowUpDays = 90,
                    RegisterClosedUtc = start.AddHours(4),
                    RegisterClosedBy = "Bench",
                    Status = random.Next(50) == 0 ? EventStatus.Cancelled : EventStatus.Published,
                    CreatedUtc = start.AddDays(-60),
                    UpdatedUtc = start.AddDays(-60),
                };
                events.Add(ev);
                var module = modules[random.Next(modules.Count)];
                links.Add(new EventLearningLink { BoardId = boardId, EventId = ev.Id, ModuleKey = module.Slug, Position = 0 });
                var answers = recommendations.Where(r => r.ModuleId == module.Id).ToList();
                if (answers.Count > 0 && random.Next(2) == 0)
                {
                    links.Add(new EventLearningLink
                    {
                        BoardId = boardId,
                        EventId = ev.Id,
                        ModuleKey = module.Slug,
                        RecommendationNumber = answers[random.Next(answers.Count)].Number,
                        Position = 1,
                    });
                }
            }

            // Bookings: different people on each event; one in ten cancelled, one in fifty a walk-in without an account;
            // the register: most came, some partly, some did not. Walk-ins come back (a pool of emails) so reach counts them once.
            var bookings = new List<Booking>(size.Bookings);
            var attendedBy = new List<(LearningEvent Event, int Who)>();
            var order = Enumerable.Range(0, people.Count).ToArray();
            random.Shuffle(order);
            for (var i = 0; i < size.Bookings; i++)
            {
                var ev = events[i % events.Count];
                var slot = i / events.Count;

                var at = ev.StartUtc.AddDays(-random.Next(1, 40));
                if (random.Next(50) == 0)
                {
                    // The same person gives the same agency and locality each time they walk in.
                    var walkIn = random.Next(2000);
                    var agency = walkIn % 40 == 0 ? null : agencies[walkIn % agencies.Count];
                    bookings.Add(Booking.WalkIn(ev.Id, $"BN-{i:D7}", $"Walk-in {walkIn}", $"walkin{walkIn}@agency.example", agency?.Name, agency?.Sector, null, "Bench", ev.StartUtc,
                        localities[walkIn % localities.Count].Name));
                    bookings[^1].BoardId = boardId;
                    continue;
                }

                // Event i % events.Count takes people order[(slot + offset) % count]: distinct people on one event.
                var who = order[(slot + (i % events.Count * 7919)) % people.Count];
                var (user, userAgency, userLocality) = people[who];
                var booking = new Booking
                {
                    BoardId = boardId,
                    EventId = ev.Id,
                    Reference = $"BN-{i:D7}",
                    UserId = user.Id,
                    ActiveUserId = user.Id,
                    FullName = user.FullName,
                    Email = user.Email!,
                    AgencyName = userAgency?.Name,
                    Sector = userAgency?.Sector,
                    LocalityName = userLocality?.Name,
                    JobRole = user.JobRole,
                    Status = BookingStatus.Confirmed,
                    CreatedUtc = at,
                    ConfirmedUtc = at,
                };
                var roll = random.Next(100);
                if (roll < 10)
                {
                    booking.Cancel(at.AddDays(1), user.Id);
                }
                else if (ev.Status == EventStatus.Published)
                {
                    var mark = roll < 80 ? AttendanceMark.Attended : roll < 85 ? AttendanceMark.PartlyAttended : AttendanceMark.NoShow;
                    booking.MarkAttendance(mark, AttendanceSource.Register, "Bench", ev.StartUtc);
                    if (mark != AttendanceMark.NoShow)
                    {
                        attendedBy.Add((ev, who));
                    }
                }

                bookings.Add(booking);
            }

            // Evaluation answers: submissions of the three forms by people who came, until the answers reach the size.
            var forms = await db.Set<Form>().AsNoTracking().Where(f => f.Key == "event-baseline" || f.Key == "event-evaluation" || f.Key == "event-follow-up-90-days")
                .ToDictionaryAsync(f => f.Key);
            var versions = new Dictionary<string, (Guid VersionId, Dictionary<string, Guid> Questions)>();
            foreach (var (key, form) in forms)
            {
                var version = await db.Set<FormVersion>().AsNoTracking().Include(v => v.Questions).SingleAsync(v => v.FormId == form.Id && v.Number == form.CurrentVersion);
                versions[key] = (version.Id, version.Questions.ToDictionary(q => q.Key, q => q.Id));
            }

            var submissions = new List<FormSubmission>();
            var formAnswers = new List<FormAnswer>(size.Answers + 8);
            string[] changes =
            [
                "I now ask to see the child on their own at every visit.",
                "I check what I am told with the other agencies before closing a referral.",
                "I ask about coercive control when a parent describes a new partner.",
                "I write down the child's own words in my notes.",
                "I escalate when a plan is not working instead of waiting for the review.",
            ];
            while (formAnswers.Count < size.Answers && attendedBy.Count > 0)
            {
                var (ev, who) = attendedBy[random.Next(attendedBy.Count)];
                var (user, agency, locality) = people[who];
                var stage = random.Next(10);
                var key = stage < 4 ? "event-baseline" : stage < 8 ? "event-evaluation" : "event-follow-up-90-days";
                var at = key switch
                {
                    "event-baseline" => ev.StartUtc.AddDays(-2),
                    "event-evaluation" => ev.StartUtc.AddHours(3),
                    _ => ev.StartUtc.AddDays(90) < now ? ev.StartUtc.AddDays(90) : now.AddHours(-1),
                };
                var (versionId, questions) = versions[key];
                var submission = new FormSubmission
                {
                    BoardId = boardId,
                    FormId = forms[key].Id,
                    FormVersionId = versionId,
                    Context = EventFormContext.For(ev.Id),
                    UserId = key == "event-follow-up-90-days" ? user.Id : null,
                    RespondentName = key == "event-follow-up-90-days" ? user.FullName : null,
                    RespondentEmail = key == "event-follow-up-90-days" ? user.Email : null,
                    AgencyId = agency?.Id,
                    Sector = agency?.Sector,
                    LocalityId = locality?.Id,
                    StartedUtc = at.AddMinutes(-5),
                    UpdatedUtc = at,
                    SubmittedUtc = at,
                };
                submissions.Add(submission);
                void Answer(string question, string value) =>
                    formAnswers.Add(new FormAnswer { BoardId = boardId, SubmissionId = submission.Id, QuestionId = questions[question], Value = value });
                var low = key == "event-baseline" ? 1 : 3;
                Answer("confidence-coercive-control", $"{low + random.Next(3)}");
                Answer("confidence-professional-curiosity", $"{low + random.Next(3)}");
                switch (key)
                {
                    case "event-baseline" when random.Next(2) == 0:
                        Answer("hoped-to-learn", "How to ask about a new partner.");
                        break;
                    case "event-evaluation":
                        Answer("recommend", random.Next(5) == 0 ? "no" : "yes");
                        if (random.Next(2) == 0)
                        {
                            Answer("will-do-differently", "Ask more questions.");
                        }

                        break;
                    case "event-follow-up-90-days":
                        Answer("used-learning", random.Next(4) == 0 ? "no" : "yes");
                        if (random.Next(5) < 3)
                        {
                            Answer("example-of-change", changes[random.Next(changes.Length)]);
                        }

                        break;
                }
            }

            // Each recommendation's status history: one to four steps along the way, in the period.
            RecommendationStatus[] path = [RecommendationStatus.Accepted, RecommendationStatus.ActionPlanned, RecommendationStatus.InProgress, RecommendationStatus.Completed, RecommendationStatus.ImpactEvidenced];
            var updates = new List<RecommendationUpdate>();
            foreach (var recommendation in recommendations)
            {
                var steps = random.Next(10) == 0 ? 0 : 1 + random.Next(4);
                var on = DateOnly.FromDateTime(yearStart).AddDays(random.Next(30));
                for (var s = 0; s < steps; s++)
                {
                    updates.Add(new RecommendationUpdate
                    {
                        BoardId = boardId,
                        ModuleId = recommendation.ModuleId,
                        Number = recommendation.Number,
                        Status = path[s],
                        On = on,
                        Note = s == 0 ? "Agreed at the board meeting." : $"Step {s + 1} reported by the owner agency.",
                        OwnerAgencyId = agencies[random.Next(agencies.Count)].Id,
                        TargetDate = on.AddMonths(6),
                        RecordedByName = "Bench",
                        RecordedUtc = on.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(10),
                    });
                    on = on.AddDays(20 + random.Next(40));
                }
            }

            await BulkInsert.InTransactionAsync(db, async () =>
            {
                await BulkInsert.InsertAsync(db, people.Select(p => p.User).ToList());
                await BulkInsert.InsertAsync(db, progress);
                await BulkInsert.InsertAsync(db, roadshows);
                await BulkInsert.InsertAsync(db, events);
                await BulkInsert.InsertAsync(db, links);
                await BulkInsert.InsertAsync(db, bookings);
                await BulkInsert.InsertAsync(db, submissions);
                await BulkInsert.InsertAsync(db, formAnswers);
                await BulkInsert.InsertAsync(db, updates);
            });

            // Two of the reviews published in the period, so the pack's first table has rows.
            foreach (var module in modules.Take(2))
            {
                var version = await db.Set<CaseModuleVersion>().SingleAsync(v => v.Id == module.PublishedVersionId);
                version.ReviewPublishedOn = DateOnly.FromDateTime(yearStart).AddDays(45);
            }

            await db.SaveChangesAsync();
            return $"{people.Count:N0} practitioners, {progress.Count(p => p.CompletedUtc != null):N0} completions ({progress.Count:N0} progress rows), " +
                   $"{events.Count:N0} events ({links.Count:N0} links), {bookings.Count:N0} bookings ({attendedBy.Count:N0} came with an account), " +
                   $"{submissions.Count:N0} submissions, {formAnswers.Count:N0} answers, {updates.Count:N0} recommendation updates";
        });

        // Fresh statistics for the planner, as a board that has been running has them.
        await site.WithBoardAsync("norfolk", async services =>
        {
            var db = services.GetRequiredService<LearningHubDbContext>();
            // On PostgreSQL, VACUUM also marks the pages all-visible, which index-only scans need (autovacuum would, later).
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM ANALYZE" : "ANALYZE");
            return 0;
        });
        return $"{counts}; seeded in {clock.Elapsed.TotalSeconds:F1} s";
    }
}
