#!/usr/bin/env bash
# Booking burst benchmark: the first rush of bookings right after a start, and bookings at 50 in flight
# once warm, against the PUBLISHED app (its own process, Production, SQLite), over real HTTP from
# signed-in people posting the Confirm booking form, timed from the client. See bench/README.md.
#
# Usage: bench/booking-burst.sh [-o PUBLISH_DIR] [--no-publish] [--compare OTHER_PUBLISH_DIR] [-r ROUNDS]
#                               [-p PORT] [-- MORE_BENCH_ARGUMENTS]
#   -o DIR         publish folder (default: a new temporary folder); Release, ReadyToRun for this
#                  machine's architecture, as the Dockerfile does
#   --no-publish   reuse an existing publish in DIR (must hold LearningHub.Web.dll)
#   --compare DIR  also run the app published in DIR (e.g. an earlier commit's, made with -o), round by
#                  round with this one (order alternating), on copies of the same prepared data folder
#   -r ROUNDS      rounds (default 3); figures are medians over rounds
#   -p PORT        loopback port of the app (default 5189)
#   after --       passed to the bench: --people N (200), --capacity N (150), --concurrency N (50),
#                  --warm-events N (6), --measured-events N (3), --max-settling-events N (80),
#                  --env K=V, --compare-env K=V, --keep, --timeline (where the burst's and the warm round's slow posts
#                  fall, per 100 ms)
#
# What one run does: copies a data folder prepared once (both recipes applied, 200 practitioners signed
# in through the sign-in form, their cookies and the Confirm page's form token kept; events of 150
# places), starts the published app on it, waits for GET /<board> to answer 200 (as cold-start.sh), then
# at once all 200 people post Confirm booking for the same event (the burst: p50/p95/max, statuses);
# then each person books the warm-up events 50 at a time (not measured), then the early events (early
# p95: seconds after the start, the JIT still recompiling), then settling events until the app's
# tiered-compilation thread has been quiet for two events (not measured), then the measured events 50
# at a time (warm p95); then it counts places per event in the database (never above the capacity).
# Traffic goes only to 127.0.0.1; the app is stopped after each run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

publish_dir=""
publish=1
compare_dir=""
rounds=3
port=5189
bench_args=()

while [[ $# -gt 0 ]]; do
    case "$1" in
        -o) publish_dir="$2"; shift 2 ;;
        --no-publish) publish=0; shift ;;
        --compare) compare_dir="$2"; shift 2 ;;
        -r) rounds="$2"; shift 2 ;;
        -p) port="$2"; shift 2 ;;
        --) shift; bench_args=("$@"); break ;;
        -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
    esac
done

for number in "$rounds" "$port"; do
    [[ "$number" =~ ^[0-9]+$ ]] || { echo "not a number: $number" >&2; exit 2; }
done
command -v dotnet >/dev/null || { echo "dotnet is needed" >&2; exit 2; }

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work_dir="$(mktemp -d "${TMPDIR:-/tmp}/lh-burst-publish.XXXXXX")"
trap 'rm -rf "$work_dir"' EXIT

resolve_publish_dir

if (( publish == 1 )); then
    publish_for_server "$repo_root" "$publish_dir"
fi
[[ -f "$publish_dir/LearningHub.Web.dll" ]] || { echo "no LearningHub.Web.dll in $publish_dir" >&2; exit 2; }

compare_args=()
if [[ -n "$compare_dir" ]]; then
    compare_args=(--compare "$(cd "$compare_dir" && pwd)")
fi

echo "Building the bench (Release) ..."
dotnet build "$repo_root/bench/LearningHub.Bench.Burst" -c Release --nologo -v quiet
# The bench prepares the data folder with the app's own services (WebApplicationFactory), which finds the
# web project through the manifest beside the bench's dll.
dotnet "$repo_root/bench/LearningHub.Bench.Burst/bin/Release/net10.0/LearningHub.Bench.Burst.dll" \
    --publish "$publish_dir" "${compare_args[@]}" --rounds "$rounds" --port "$port" "${bench_args[@]}"
