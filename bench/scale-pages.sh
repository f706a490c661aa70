#!/usr/bin/env bash
# Scale pages benchmark (issue 22): the pages people use most, timed with wrk through the real app over a database
# filled by seed-scale (bench/LearningHub.Bench.Scale), on its LARGEST board.
#
# Usage: bench/scale-pages.sh --connection "Host=...;Port=...;Username=...;Password=...;Database=..."
#                             [-o PUBLISH_DIR] [--no-publish] [--compare OTHER_PUBLISH_DIR]
#                             [-d SECONDS] [-w SECONDS] [-c CONNECTIONS] [-r ROUNDS] [-p PORT] [--only LABEL_WORD]
#   --connection   the seeded PostgreSQL database (Npgsql connection string; psql must reach it too, to pick the
#                  board, an event and a person)
#   -o DIR         publish folder (default: a new temporary folder); Release, ReadyToRun, as bench/pages.sh does
#   --no-publish   reuse an existing publish in DIR
#   --compare DIR  also start the app published in DIR (an earlier commit's publish) over the same database and
#                  interleave its runs with this one's, page by page; its rows are marked "other"
#   -d SECONDS     duration of each wrk run (default 5; the two reports run at least 20 s, so that some of their
#                  requests finish under 20 connections)
#   -w SECONDS     warm-up of each page before its first timed run (default 15): a fresh app compiles a page's hot
#                  code again, optimised, in its first seconds of load (tiered JIT), and a run of those seconds times
#                  the compiler, not the page a running server serves (session 18's data export: 130 requests/s in
#                  three rounds warmed 1 s each, 216–230 after 45 s of load; bench/README.md, session 19). Later
#                  rounds warm for 1 s.
#   -c CONNECTIONS wrk connections (default 20, the issue's concurrent users; 2 threads)
#   -r ROUNDS      rounds of the whole list (default 1); figures are medians over rounds
#   -p PORT        loopback port of the app (default 5288; --compare uses PORT+1)
#   --only WORD    time only the pages whose label contains WORD
#
# The app runs in Production on the database (Database:Provider=Postgres) with its background jobs off (mail
# dispatcher, waiting-list job, retention job), so only the timed requests use the database. Signed in as a
# practitioner of the largest board (most accounts) for the pages practitioners use, and as the board's admin for the
# staff pages. Pages: board home, module catalogue, a module page, events list (practitioner); an event's register
# (the past event whose bookings are nearest 300, on whichever board has it, as that board's admin; and one of the
# largest board's), reach report for the last year, the annual-report pack (HTML) for the last year, audit search (by
# a person's name), a person's data export (a different practitioner on each request) (admin). Every page is first fetched once
# and must answer 200. For each page: requests/s, p50 and p95 latency (ms) from a wrk Lua script (bench/scale-pages.lua);
# at 20 connections the p95 latency is the app's p95 server time plus the loopback.
# Installs wrk from Debian/Ubuntu (apt-get) if missing. Traffic goes only to 127.0.0.1. Nothing is written to the
# database but what the app itself writes on a GET (sign-in stamps, audit of the data export); the audit entries of
# the benchmark's own exports are deleted after each export run and when it ends, so every page and every run meets
# the database as seeded (and vacuumed, so no dead entries are left in the log's indexes).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

connection=""
publish_dir=""
publish=1
compare_dir=""
duration=5
warm_first=15
report_seconds=20
connections=20
rounds=1
port=5288
only=""
password="Learning-Hub-Demo-1"

while [[ $# -gt 0 ]]; do
    case "$1" in
        --connection) connection="$2"; shift 2 ;;
        -o) publish_dir="$2"; shift 2 ;;
        --no-publish) publish=0; shift ;;
        --compare) compare_dir="$2"; shift 2 ;;
        -d) duration="$2"; shift 2 ;;
        -w) warm_first="$2"; shift 2 ;;
        -c) connections="$2"; shift 2 ;;
        -r) rounds="$2"; shift 2 ;;
        -p) port="$2"; shift 2 ;;
        --only) only="$2"; shift 2 ;;
        -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
    esac
done

[[ -n "$connection" ]] || { echo "--connection is needed (the seeded database)" >&2; exit 2; }
for number in "$duration" "$warm_first" "$connections" "$rounds" "$port"; do
    [[ "$number" =~ ^[0-9]+$ ]] || { echo "not a number: $number" >&2; exit 2; }
done
for tool in curl dotnet psql; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done

ensure_wrk

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lua="$repo_root/bench/scale-pages.lua"
work_dir="$(mktemp -d "${TMPDIR:-/tmp}/lh-scale-pages.XXXXXX")"
declare -A app_pid=() app_port=()
declare -A cookies=()   # "<app>|practitioner" and "<app>|admin"

# The Npgsql connection string's parts, for psql.
setting() {
    tr ';' '\n' <<<"$connection" | awk -F= -v key="$1" 'tolower($1) == tolower(key) { sub(/^[^=]*=/, ""); print; exit }'
}
export PGHOST="$(setting Host)" PGPORT="$(setting Port)" PGUSER="$(setting Username)" PGDATABASE="$(setting Database)"
pg_password="$(setting Password)"
[[ -n "$pg_password" ]] && export PGPASSWORD="$pg_password"
sql() { psql -X -A -t -q -c "$1"; }

# Each data export writes an audit entry about the person, which their next export lists: left in the database, every
# run would export people with more of the benchmark's own entries than the last (147,388 of them after a day of runs
# in session 19, 94 on one person, whose page had grown to 211 KB), and they would be the board's newest entries, which
# the audit search walks first (its searches a second fell from 592 to 96 over three rounds of exports). So the
# entries the run's exports wrote are deleted after each export run and when the script ends: every page is timed on
# the database as seeded.
started_utc=""
exports_deleted=0
forget_own_exports() {
    [[ -n "$started_utc" ]] || return 0
    local removed
    removed=$(sql "WITH gone AS (DELETE FROM \"AuditEntries\" WHERE \"Action\" = 'privacy.export.downloaded'
        AND \"OccurredUtc\" >= '$started_utc' AND \"ActorUserId\" IN (SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = '$admin')
        RETURNING 1) SELECT count(*) FROM gone") || return 0
    exports_deleted=$(( exports_deleted + removed ))
    # The deleted rows stay in the table's indexes until a vacuum: the next audit search, which walks the board's
    # newest entries, would step over thousands of dead ones first (session 20: 270-317 searches a second for the app
    # timed first after an export run, 386-395 for the one after it). About 2 s on the full database.
    (( removed == 0 )) || sql 'VACUUM "AuditEntries"' >/dev/null || true
}

cleanup() {
    stop_apps app_pid
    forget_own_exports
    (( exports_deleted == 0 )) || echo "Deleted the $exports_deleted audit entries of this run's own data exports"
    rm -rf "$work_dir"
}
trap cleanup EXIT

# What is timed, picked from the database: the largest board, a practitioner and a person on it, the past event
# whose bookings are nearest 300, and the audit's most common actor name (a search that finds many entries).
board=$(sql 'SELECT b."Slug" FROM "Boards" b JOIN "AspNetUsers" u ON u."BoardId" = b."Id" GROUP BY b."Slug" ORDER BY count(*) DESC, b."Slug" LIMIT 1')
[[ -n "$board" ]] || { echo "no boards in the database: seed it with bench/LearningHub.Bench.Scale first" >&2; exit 2; }
board_id=$(sql "SELECT \"Id\" FROM \"Boards\" WHERE \"Slug\" = '$board'")
practitioner=$(sql "SELECT \"Email\" FROM \"AspNetUsers\" WHERE \"BoardId\" = '$board_id' AND \"Email\" ~ '^[a-z]+\.[a-z]+\.[0-9]+@' ORDER BY \"Email\" LIMIT 1")
person_id=$(sql "SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = '$practitioner'")
admin="admin@$board.example"
event_id=$(sql "SELECT b.\"EventId\" FROM \"Bookings\" b JOIN \"Events\" e ON e.\"Id\" = b.\"EventId\"
    WHERE b.\"BoardId\" = '$board_id' AND e.\"StartUtc\" < now() GROUP BY b.\"EventId\" ORDER BY abs(count(*) - 300), b.\"EventId\" LIMIT 1")
event_bookings=$(sql "SELECT count(*) FROM \"Bookings\" WHERE \"EventId\" = '$event_id'")
# The issue's register of 300: every past event on the largest board has 1,000 bookings (timed too), so the 300 one is
# the past event nearest 300 on any board, timed as that board's admin.
read -r register_board register_event_id < <(sql "SELECT bo.\"Slug\", b.\"EventId\" FROM \"Bookings\" b JOIN \"Events\" e ON e.\"Id\" = b.\"EventId\"
    JOIN \"Boards\" bo ON bo.\"Id\" = b.\"BoardId\" WHERE e.\"StartUtc\" < now()
    GROUP BY bo.\"Slug\", b.\"EventId\" ORDER BY abs(count(*) - 300), b.\"EventId\" LIMIT 1" | tr '|' ' ')
register_bookings=$(sql "SELECT count(*) FROM \"Bookings\" WHERE \"EventId\" = '$register_event_id'")
# The data export is of a different practitioner of the board on each request (wrk cycles through 5,000): each export
# records itself in the audit log, which the next export of the same person lists, so exporting one person again and
# again times a person with thousands of exports of their own data. Until session 18 it cycled through the first 500
# by address: seven names, and each run added to the same people's logs (188 exports each by then). The 5,000 are
# picked by a hash of their id (every name, and a run adds about one export to each); how many exports they already
# hold is printed, since every run on the same database adds to it.
exported_paths="$work_dir/exported-people.txt"
# One query picks them and counts the exports each already holds: the path to the file, the counts summed up.
exported_people=$(sql "SELECT '/$board/admin/people/' || u.\"Id\" || '/data', (SELECT count(*) FROM \"AuditEntries\" a
        WHERE a.\"BoardId\" = u.\"BoardId\" AND a.\"TargetId\" = u.\"Id\" AND a.\"Action\" = 'privacy.export.downloaded')
    FROM \"AspNetUsers\" u WHERE u.\"BoardId\" = '$board_id' AND u.\"Email\" ~ '^[a-z]+\.[a-z]+\.[0-9]+@' ORDER BY md5(u.\"Id\") LIMIT 5000")
cut -d'|' -f1 <<<"$exported_people" >"$exported_paths"
exported_before=$(cut -d'|' -f2 <<<"$exported_people" | awk '{ sum += $1; if ($1 > most) most = $1 } END { printf "%.1f on average, %d at most", NR ? sum / NR : 0, most }')
# The busiest actor of the seed's log: the benchmark's own exports (by the admin) are left out, or after enough runs
# the admin is the busiest and the search times a different person from run to run.
audit_person=$(sql "SELECT \"ActorName\" FROM \"AuditEntries\" WHERE \"BoardId\" = '$board_id' AND \"Action\" <> 'privacy.export.downloaded'
    GROUP BY \"ActorName\" ORDER BY count(*) DESC LIMIT 1")
read -r year_ago_day year_ago_month year_ago_year today_day today_month today_year < <(date -u -d '-1 year' '+%-d %-m %Y' | tr '\n' ' '; date -u '+%-d %-m %Y')
year_query="From.Day=$year_ago_day&From.Month=$year_ago_month&From.Year=$year_ago_year&To.Day=$today_day&To.Month=$today_month&To.Year=$today_year"
audit_query="Filter.Person=$(sed 's/ /+/g' <<<"$audit_person")"
echo "Board /$board (largest), practitioner $practitioner, admin $admin"
echo "Event $event_id ($event_bookings bookings), on /$register_board event $register_event_id ($register_bookings bookings)"
echo "Person exported: $person_id first, then $(( $(wc -l <"$exported_paths") - 1 )) others in turn (earlier exports in their logs: $exported_before); audit search by \"$audit_person\""

started_utc=$(sql "SELECT now()")
resolve_publish_dir
if (( publish == 1 )); then
    publish_for_server "$repo_root" "$publish_dir"
fi

# Signs in to the app $1 as $2 on the board's own sign-in form; sets cookies[$1|$3].
sign_in() {
    local name="$1" email="$2" who="$3" on_board="${4:-$board}" base="http://127.0.0.1:${app_port[$1]}"
    local jar="$work_dir/$name-$who.cookies" form token
    form=$(curl -s -c "$jar" "$base/$on_board/account/sign-in")
    token=$(grep -o '<input[^>]*__RequestVerificationToken[^>]*>' <<<"$form" | sed -n 1p | grep -o 'value="[^"]*"' | sed 's/value="//; s/"$//')
    [[ -n "$token" ]] || { echo "no antiforgery token on the $name sign-in page" >&2; exit 1; }
    curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" \
        --data-urlencode "__RequestVerificationToken=$token" "$base/$on_board/account/sign-in"
    # Netscape cookie file: HttpOnly cookies (the sign-in cookie) are written with a "#HttpOnly_" prefix.
    cookies[$name|$who]=$(awk -F'\t' '{ sub(/^#HttpOnly_/, "", $1) } NF >= 7 && $1 !~ /^#/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
    local home
    home=$(curl -s -H "Cookie: ${cookies[$name|$who]}" "$base/$on_board")
    [[ "$home" == *"Sign out"* ]] || { echo "signing in to the $name app as $email failed" >&2; exit 1; }
}

start_app() {
    local name="$1" dir="$2" app_port_number="$3"
    [[ -f "$dir/LearningHub.Web.dll" ]] || { echo "no LearningHub.Web.dll in $dir" >&2; exit 2; }
    if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:${app_port_number}/"; then
        echo "something already listens on 127.0.0.1:${app_port_number}; choose another port with -p" >&2; exit 2
    fi
    local data="$work_dir/$name-data" recipes="$work_dir/$name-recipes" log="$work_dir/$name.log" base="http://127.0.0.1:${app_port_number}"
    mkdir -p "$data" "$recipes"
    (
        cd "$dir"
        exec env ASPNETCORE_ENVIRONMENT=Production \
            Database__Provider=Postgres \
            ConnectionStrings__LearningHub="$connection" \
            LearningHub__DataPath="$data" \
            LearningHub__RecipesPath="$recipes" \
            LearningHub__SeedDemoUsers=false \
            LearningHub__PublicBaseUrl="$base" \
            LearningHub__AccountRequestsPerMinute=100000 \
            Notifications__DispatcherEnabled=false \
            Events__WaitlistJobEnabled=false \
            Retention__JobEnabled=false \
            Logging__LogLevel__Default=Warning \
            dotnet "$dir/LearningHub.Web.dll" --urls "$base"
    ) >"$log" 2>&1 &
    app_pid[$name]=$!
    app_port[$name]=$app_port_number
    wait_until_serving "$name" "${app_pid[$name]}" "$base/$board" "$log" 180 0.5 10
    sign_in "$name" "$practitioner" practitioner
    sign_in "$name" "$admin" admin
    sign_in "$name" "admin@$register_board.example" register_admin "$register_board"
    echo "$name: $dir on $base (pid ${app_pid[$name]})"
}

apps=(this)
start_app this "$publish_dir" "$port"
if [[ -n "$compare_dir" ]]; then
    apps+=(other)
    start_app other "$(cd "$compare_dir" && pwd)" $(( port + 1 ))
fi

# The first module in the catalogue (whole page read before grep: a pipe cut short fails under pipefail).
catalogue=$(curl -s -H "Cookie: ${cookies[this|practitioner]}" "http://127.0.0.1:${app_port[this]}/$board/modules")
module=$(grep -o "href=\"/$board/modules/[a-z0-9-]*\"" <<<"$catalogue" | sed -n 1p | sed 's/href="//; s/"$//')
[[ -n "$module" ]] || { echo "no module in the catalogue" >&2; exit 1; }

# label|path|who|report (1: the issue's 500 ms bound, else 100 ms)
pages=(
    "board home|/$board|practitioner|0"
    "module catalogue|/$board/modules|practitioner|0"
    "module page|$module|practitioner|0"
    "events list|/$board/events|practitioner|0"
    "event register ($register_bookings bookings)|/$register_board/events/manage/$register_event_id/register|register_admin|0"
    "event register ($event_bookings bookings)|/$board/events/manage/$event_id/register|admin|0"
    "audit search|/$board/admin/audit?$audit_query|admin|0"
    "person's data export|/$board/admin/people/$person_id/data|admin|0"
    "reach report, a year|/$board/events/manage/reach?$year_query|admin|1"
    "annual-report pack, a year|/$board/impact?$year_query|admin|1"
)
if [[ -n "$only" ]]; then
    kept=()
    for entry in "${pages[@]}"; do [[ "${entry%%|*}" == *"$only"* ]] && kept+=("$entry"); done
    pages=("${kept[@]}")
fi

url_of() { echo "http://127.0.0.1:${app_port[$1]}$2"; }

for name in "${apps[@]}"; do
    for entry in "${pages[@]}"; do
        IFS='|' read -r label path who _ <<<"$entry"
        status=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Cookie: ${cookies[$name|$who]}" "$(url_of "$name" "$path")")
        [[ "$status" == 200\ * ]] || { echo "$name: $label ($path) answered ${status%% *}, not 200" >&2; exit 1; }
        echo "$name: $label answers 200 (first request ${status#* } s)"
    done
done

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); dotnet $(dotnet --version)"
read -r load1 _ < /proc/loadavg
echo "Load average before the runs: $load1 (other work on the machine skews the figures)"

# One wrk run; prints "requests_per_second p50_ms p95_ms requests non_2xx_3xx". The data export cycles through people.
measure() {
    local name="$1" path="$2" who="$3" seconds="$4" output paths=()
    [[ "$path" == */data ]] && paths=(-- "$exported_paths")
    output=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 30s -s "$lua" -H "Cookie: ${cookies[$name|$who]}" "$(url_of "$name" "$path")" "${paths[@]}")
    awk '/^RESULT/ { print $2, $3, $4, $5, $6 }' <<<"$output"
}

declare -A rates=() p50s=() p95s=() failures=()
loads=""
for (( round = 1; round <= rounds; round++ )); do
    echo "Round $round of $rounds ..."
    for entry in "${pages[@]}"; do
        IFS='|' read -r label path who report <<<"$entry"
        # A report takes seconds under 20 connections: a run of a few seconds would finish none of its requests.
        seconds=$duration; (( report == 1 && seconds < report_seconds )) && seconds=$report_seconds
        warm=1; (( round == 1 )) && warm=$warm_first
        for name in "${apps[@]}"; do
            measure "$name" "$path" "$who" "$warm" >/dev/null   # warm: tiered JIT, pools, the database's cache for this page
            read -r rate p50 p95 _ failed < <(measure "$name" "$path" "$who" "$seconds")
            printf '  %-6s %-34s %9.1f/s p50 %7.1f p95 %7.1f ms\n' "$name" "$label" "$rate" "$p50" "$p95"
            [[ "$path" == */data ]] && forget_own_exports
            key="$name|$label"
            rates[$key]+="$rate "; p50s[$key]+="$p50 "; p95s[$key]+="$p95 "
            failures[$key]=$(( ${failures[$key]:-0} + failed ))
        done
    done
    read -r load1 _ < /proc/loadavg
    loads+="$load1 "
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo
printf '%-6s %-34s %11s %9s %9s %7s %8s\n' app page "requests/s" "p50 ms" "p95 ms" bound "non-2xx"
for entry in "${pages[@]}"; do
    IFS='|' read -r label _ _ report <<<"$entry"
    bound=100; (( report == 1 )) && bound=500
    for name in "${apps[@]}"; do
        key="$name|$label"
        p95=$(median <<<"${p95s[$key]}")
        # No request finished in the run (each took longer than the run): over, whatever the zero latency says.
        verdict=$(awk -v p="$p95" -v b="$bound" -v r="$(median <<<"${rates[$key]}")" 'BEGIN { print (r > 0 && p < b) ? "ok" : "OVER" }')
        printf '%-6s %-34s %11.1f %9.1f %9.1f %4s %-4s %6d\n' "$name" "$label" \
            "$(median <<<"${rates[$key]}")" "$(median <<<"${p50s[$key]}")" "$p95" "$bound" "$verdict" "${failures[$key]}"
    done
done
echo "(medians over $rounds round(s) of ${duration} s per page (reports ${report_seconds} s) after ${warm_first} s of warming in the first round and 1 s in the others, $connections connections, 2 wrk threads;"
echo " load average after each round: $loads)"
