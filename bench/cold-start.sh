#!/usr/bin/env bash
# Cold start benchmark: milliseconds from launching the published app on an EMPTY data folder
# (fresh SQLite database, migrations, both board recipes applied on first start) until
# GET /norfolk first answers HTTP 200 (so the first request's routing, page activation and rendering count too).
#
# Usage: bench/cold-start.sh [-n RUNS] [-o PUBLISH_DIR] [--no-publish] [--ready-to-run] [-p PORT]
#                            [--variants "prod demo"] [--keep] [--profile] [--compare OTHER_PUBLISH_DIR]
#   -n RUNS        runs per variant (default 5)
#   -o DIR         publish folder (default: a new temporary folder)
#   --no-publish   reuse an existing publish in DIR (must hold LearningHub.Web.dll)
#   --ready-to-run publish as the Dockerfile does (the Server publish profile: self-contained, the app and
#                  the runtime precompiled together, composite ReadyToRun, for this machine's architecture)
#   -p PORT        loopback port to listen on (default 5187; must be free)
#   --variants     which variants to run, out of "prod demo" (default both):
#                    prod  ASPNETCORE_ENVIRONMENT=Production, no demo users (what a real first start does)
#                    demo  the same plus LearningHub__SeedDemoUsers=true (demo accounts are created too)
#   --keep         keep each run's data folder and log (their paths are printed)
#   --profile      also log EF Core migrations and each request (Information), to see where time goes;
#                  the extra logging itself costs a little, so leave it off for the headline numbers
#   --compare DIR  also time the app published in DIR (e.g. an earlier commit's publish, made with
#                  this script's -o), interleaved run by run with this one (order alternating), so
#                  both see the same machine; its rows are marked "other"
#
# Besides the wall time, each run reports the CPU the app's process used until the first 200 (user +
# system, from /proc/<pid>/stat): on a machine shared with other work the wall time swings with the
# load, the CPU much less.
# Each run's log has timestamps (HH:mm:ss.fff) so you can see where the time went; it is printed
# when a run fails. Traffic goes only to 127.0.0.1; every loop is bounded (60 s deadline per run).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

runs=5
publish_dir=""
publish=1
port=5187
variants="prod demo"
keep=0
profile=0
ready_to_run=0
compare_dir=""
deadline_ms=60000
poll_interval=0.02

while [[ $# -gt 0 ]]; do
    case "$1" in
        -n) runs="$2"; shift 2 ;;
        -o) publish_dir="$2"; shift 2 ;;
        --no-publish) publish=0; shift ;;
        -p) port="$2"; shift 2 ;;
        --variants) variants="$2"; shift 2 ;;
        --keep) keep=1; shift ;;
        --profile) profile=1; shift ;;
        --ready-to-run) ready_to_run=1; shift ;;
        --compare) compare_dir="$2"; shift 2 ;;
        -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
    esac
done

if ! [[ "$runs" =~ ^[0-9]+$ ]] || (( runs < 1 || runs > 100 )); then
    echo "RUNS must be between 1 and 100" >&2; exit 2
fi
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }
command -v dotnet >/dev/null || { echo "dotnet is needed" >&2; exit 2; }

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work_dir="$(mktemp -d "${TMPDIR:-/tmp}/lh-cold-start.XXXXXX")"
url="http://127.0.0.1:${port}/norfolk"
app_pid=""

cleanup() {
    if [[ -n "$app_pid" ]] && alive "$app_pid"; then
        kill "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
    fi
    if (( keep == 0 )); then rm -rf "$work_dir"; fi
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

resolve_publish_dir

if (( publish == 1 )); then
    started=$(now_ms)
    if (( ready_to_run == 1 )); then
        publish_for_server "$repo_root" "$publish_dir"
    else
        echo "Publishing (Release) to $publish_dir ..."
        dotnet publish "$repo_root/src/LearningHub.Web/LearningHub.Web.csproj" -c Release -o "$publish_dir" --nologo -v quiet
    fi
    echo "Published in $(( ($(now_ms) - started) / 1000 )) s"
fi
[[ -f "$publish_dir/LearningHub.Web.dll" ]] || { echo "no LearningHub.Web.dll in $publish_dir" >&2; exit 2; }
ls "$publish_dir"/recipes/*.recipe.json >/dev/null 2>&1 || { echo "no recipes/ in $publish_dir" >&2; exit 2; }
publishes=("$publish_dir")
if [[ -n "$compare_dir" ]]; then
    compare_dir="$(cd "$compare_dir" && pwd)"
    [[ -f "$compare_dir/LearningHub.Web.dll" ]] || { echo "no LearningHub.Web.dll in $compare_dir" >&2; exit 2; }
    publishes+=("$compare_dir")
fi
ticks_per_second=$(getconf CLK_TCK)

# Nothing may already answer on the port, or we would time someone else's server.
if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:${port}/"; then
    echo "something already listens on 127.0.0.1:${port}; choose another with -p" >&2; exit 2
fi

# One run: sets last_ms to the milliseconds to the first 200, or fails. Runs in this shell (not in
# $(...)) so that the exit trap can always stop the app.
run_once() {
    local variant="$1" index="$2" app_dir="$3" label="$4"
    local data="$work_dir/$label-$variant-$index/data" log="$work_dir/$label-$variant-$index/app.log"
    mkdir -p "$data"
    local demo=false
    [[ "$variant" == demo ]] && demo=true

    local extra=()
    if (( profile == 1 )); then
        extra=("Logging__LogLevel__Microsoft.EntityFrameworkCore.Migrations=Information"
               "Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics=Information")
    fi

    local started code elapsed launch_tod ticks
    launch_tod=$(date +%H:%M:%S.%3N)
    started=$(now_ms)
    # The content root is the working directory, as in the container (WORKDIR /app).
    (
        cd "$app_dir"
        exec env ASPNETCORE_ENVIRONMENT=Production \
            LearningHub__DataPath="$data" \
            LearningHub__SeedDemoUsers="$demo" \
            LearningHub__PublicBaseUrl="http://127.0.0.1:${port}" \
            Logging__Console__FormatterOptions__TimestampFormat="HH:mm:ss.fff " \
            Logging__Console__FormatterName=simple \
            "${extra[@]}" \
            dotnet "$app_dir/LearningHub.Web.dll" --urls "http://127.0.0.1:${port}"
    ) >"$log" 2>&1 &
    app_pid=$!

    while :; do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)
        elapsed=$(( $(now_ms) - started ))
        if [[ "$code" == 200 ]]; then
            # utime + stime (fields 14 and 15) of the app's process so far.
            ticks=$(awk '{ print $14 + $15 }' "/proc/$app_pid/stat")
            break
        fi
        if ! alive "$app_pid"; then
            echo "the app exited before answering 200 (run $variant #$index); its log:" >&2
            cat "$log" >&2
            return 1
        fi
        if (( elapsed > deadline_ms )); then
            echo "no 200 from $url within $(( deadline_ms / 1000 )) s (last status '$code'); log:" >&2
            cat "$log" >&2
            return 1
        fi
        sleep "$poll_interval"
    done

    kill "$app_pid" 2>/dev/null || true
    # Bounded wait for a clean shutdown (the host stops within a few seconds), then force it.
    local waited=0
    while alive "$app_pid" && (( waited < 100 )); do sleep 0.1; waited=$(( waited + 1 )); done
    kill -9 "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
    last_ms=$elapsed
    last_cpu_ms=$(( ticks * 1000 / ticks_per_second ))
    last_phases=$(phases "$launch_tod" "$elapsed" "$log")
}

# Where the time went, from the log's timestamps. Since session 23 the host listens while the database is prepared:
# launch -> "Now listening" (runtime start, host build, Kestrel; migrations already under way on the other thread)
# -> "Site ready" (migrations, roles, recipes; the first board's page is served in process meanwhile) -> first 200
# (the request held at the start-up gate, served). A publish from before session 23 has no "Site ready" line and is
# shown as before: launch -> first log line (runtime, host build, migrations, roles) -> "Now listening" (recipes,
# data-protection key, Kestrel) -> first 200 (routing, page activation, JIT of the MVC/Razor pipeline, first queries).
phases() {
    awk -v launch="$1" -v total="$2" '
        function ms(t,   a) { split(t, a, /[:.]/); return ((a[1] * 60 + a[2]) * 60 + a[3]) * 1000 + a[4] }
        # The simple console format puts the timestamp on the first line of an entry, the message below.
        /^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9][0-9][0-9] / {
            current = ms($1)
            if (first == "") first = current
        }
        /Now listening/ { if (listening == "") listening = current }
        /Site ready/ { if (ready == "") ready = current }
        END {
            l = ms(launch)
            if (first == "" || listening == "") { print "(no timestamps in log)"; exit }
            if (ready != "") {
                printf "to listening %5d ms | to ready %5d ms | ready to 200 %5d ms", listening - l, ready - l, total - (ready - l)
            } else {
                printf "to first log %5d ms | to listening %5d ms | first request %5d ms", first - l, listening - first, total - (listening - l)
            }
        }' "$3"
}

stats() { # prints "median min max" of the numbers given
    sort -n | awk '{ v[NR] = $1 } END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%d %d %d\n", m, v[1], v[NR] }'
}

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); dotnet $(dotnet --version)"
read -r load1 _ < /proc/loadavg
echo "Load average before the runs: $load1 (other work on the machine skews the figures; run it on a quiet machine)"
echo "Measuring: launch -> first HTTP 200 on $url, fresh SQLite database each run, $runs runs per variant"
summary=""
for variant in $variants; do
    case "$variant" in prod|demo) ;; *) echo "unknown variant $variant" >&2; exit 2 ;; esac
    declare -A results=() cpus=()
    for (( i = 1; i <= runs; i++ )); do
        # With --compare the order alternates run by run, so drift in the machine's load hits both alike.
        order=("${!publishes[@]}")
        if (( ${#publishes[@]} > 1 && i % 2 == 0 )); then order=(1 0); fi
        for p in "${order[@]}"; do
            label=this; (( p == 1 )) && label=other
            run_once "$variant" "$i" "${publishes[$p]}" "$label"
            results[$p]+="$last_ms "
            cpus[$p]+="$last_cpu_ms "
            printf '%-5s %-5s run %2d: %6d ms, CPU %6d ms   (%s)\n' "$label" "$variant" "$i" "$last_ms" "$last_cpu_ms" "$last_phases"
        done
    done
    for p in "${!publishes[@]}"; do
        label=this; (( p == 1 )) && label=other
        read -r median min max < <(printf '%s\n' ${results[$p]} | stats)
        read -r cpu_median cpu_min cpu_max < <(printf '%s\n' ${cpus[$p]} | stats)
        line=$(printf '%-5s %-5s median %6d ms   min %6d ms   max %6d ms   CPU median %6d ms (%d-%d)   (%d runs)' \
            "$label" "$variant" "$median" "$min" "$max" "$cpu_median" "$cpu_min" "$cpu_max" "$runs")
        summary+="$line"$'\n'
    done
    unset results cpus
done
echo
echo "Summary (target: under 3000 ms)"
printf '%s' "$summary"
if [[ -n "$compare_dir" ]]; then echo "this = $publish_dir, other = $compare_dir"; fi
if (( keep == 1 )); then echo "Data folders and logs kept under $work_dir"; fi
