#!/usr/bin/env bash
# Pages benchmark: requests per second and app CPU per request of the pages practitioners use, signed
# out and signed in, against a small static file served by the same app, in one interleaved wrk run.
#
# Usage: bench/pages.sh [-o PUBLISH_DIR] [--no-publish] [--compare OTHER_PUBLISH_DIR] [-d SECONDS]
#                       [-c CONNECTIONS] [-r ROUNDS] [-p PORT]
#   -o DIR         publish folder (default: a new temporary folder); published Release, ReadyToRun for
#                  this machine's architecture, as the Dockerfile does
#   --no-publish   reuse an existing publish in DIR (must hold LearningHub.Web.dll)
#   --compare DIR  also start the app published in DIR (e.g. an earlier commit's publish) and interleave
#                  its endpoints with this one's, so both see the same machine; its rows are marked "other"
#   -d SECONDS     duration of each wrk run (default 5)
#   -c CONNECTIONS wrk connections (default 50; 2 threads)
#   -r ROUNDS      rounds of the whole matrix (default 3); figures are medians over rounds
#   -p PORT        loopback port of the app (default 5188; --compare uses PORT+1)
#
# Each app runs in Production on a fresh SQLite data folder with both recipes and the demo accounts
# (LearningHub__SeedDemoUsers=true), signed in as practitioner@norfolk.demo. The matrix: the static file
# (the base theme's favicon), board home, events list, module catalogue, one module page, signed out and
# in. For each run: requests/s (wrk), its share of the static file's requests/s in the same round, and
# app CPU per request (user+system ticks of the app's process from /proc/<pid>/stat before and after).
# Installs wrk from Debian/Ubuntu (apt-get, as root or with sudo) if missing. Traffic goes only to 127.0.0.1.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

publish_dir=""
publish=1
compare_dir=""
duration=5
connections=50
rounds=3
port=5188
board=norfolk
email="practitioner@norfolk.demo"
password="Learning-Hub-Demo-1"

while [[ $# -gt 0 ]]; do
    case "$1" in
        -o) publish_dir="$2"; shift 2 ;;
        --no-publish) publish=0; shift ;;
        --compare) compare_dir="$2"; shift 2 ;;
        -d) duration="$2"; shift 2 ;;
        -c) connections="$2"; shift 2 ;;
        -r) rounds="$2"; shift 2 ;;
        -p) port="$2"; shift 2 ;;
        -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
    esac
done

for number in "$duration" "$connections" "$rounds" "$port"; do
    [[ "$number" =~ ^[0-9]+$ ]] || { echo "not a number: $number" >&2; exit 2; }
done
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }
command -v dotnet >/dev/null || { echo "dotnet is needed" >&2; exit 2; }

ensure_wrk

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work_dir="$(mktemp -d "${TMPDIR:-/tmp}/lh-pages.XXXXXX")"
ticks_per_second=$(getconf CLK_TCK)
declare -A app_pid=() app_port=() app_cookies=() app_module=()

cleanup() {
    stop_apps app_pid
    rm -rf "$work_dir"
}
trap cleanup EXIT

resolve_publish_dir

if (( publish == 1 )); then
    publish_for_server "$repo_root" "$publish_dir"
fi

# Starts the app published in $2 as $1 on port $3, waits until it serves the board home, signs in.
start_app() {
    local name="$1" dir="$2" app_port_number="$3"
    [[ -f "$dir/LearningHub.Web.dll" ]] || { echo "no LearningHub.Web.dll in $dir" >&2; exit 2; }
    if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:${app_port_number}/"; then
        echo "something already listens on 127.0.0.1:${app_port_number}; choose another port with -p" >&2; exit 2
    fi

    local data="$work_dir/$name-data" log="$work_dir/$name.log" base="http://127.0.0.1:${app_port_number}"
    mkdir -p "$data"
    (
        cd "$dir"
        exec env ASPNETCORE_ENVIRONMENT=Production \
            LearningHub__DataPath="$data" \
            LearningHub__SeedDemoUsers=true \
            LearningHub__DemoPassword="$password" \
            LearningHub__PublicBaseUrl="$base" \
            LearningHub__AccountRequestsPerMinute=1000 \
            Logging__LogLevel__Default=Warning \
            dotnet "$dir/LearningHub.Web.dll" --urls "$base"
    ) >"$log" 2>&1 &
    app_pid[$name]=$!
    app_port[$name]=$app_port_number

    wait_until_serving "$name" "${app_pid[$name]}" "$base/$board" "$log" 120 0.2 5

    # Sign in as the form does: the antiforgery cookie and token from the form, then the POST.
    local jar="$work_dir/$name.cookies" form token
    form=$(curl -s -c "$jar" "$base/$board/account/sign-in")
    token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<<"$form" | sed -n 1p | sed 's/.*value="//; s/"$//')
    [[ -n "$token" ]] || token=$(grep -o '<input[^>]*__RequestVerificationToken[^>]*>' <<<"$form" | sed -n 1p | grep -o 'value="[^"]*"' | sed 's/value="//; s/"$//')
    [[ -n "$token" ]] || { echo "no antiforgery token on the $name sign-in page" >&2; exit 1; }
    curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" \
        --data-urlencode "__RequestVerificationToken=$token" "$base/$board/account/sign-in"
    # Netscape cookie file: HttpOnly cookies (the sign-in cookie) are written with a "#HttpOnly_" prefix.
    app_cookies[$name]=$(awk -F'\t' '{ sub(/^#HttpOnly_/, "", $1) } NF >= 7 && $1 !~ /^#/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
    local home
    home=$(curl -s -H "Cookie: ${app_cookies[$name]}" "$base/$board")
    if [[ "$home" != *"Sign out"* ]]; then
        echo "signing in to the $name app as $email failed" >&2; exit 1
    fi

    # The first module in the catalogue.
    # (Whole pages are read before grep: a pipe cut short would fail under pipefail.)
    local catalogue
    catalogue=$(curl -s -H "Cookie: ${app_cookies[$name]}" "$base/$board/modules")
    app_module[$name]=$(grep -o "href=\"/$board/modules/[a-z0-9-]*\"" <<<"$catalogue" | sed -n 1p | sed 's/href="//; s/"$//')
    [[ -n "${app_module[$name]}" ]] || { echo "no module in the $name catalogue" >&2; exit 1; }
    echo "$name: $dir on $base (pid ${app_pid[$name]}), module ${app_module[$name]}"
}

# Endpoint list: label, path (with {module}), signed in (1) or out (0).
endpoints=(
    "static file|/_content/LearningHub.Theme.Base/favicon.svg|0"
    "board home, signed out|/$board|0"
    "board home, signed in|/$board|1"
    "events list, signed out|/$board/events|0"
    "events list, signed in|/$board/events|1"
    "module catalogue, signed in|/$board/modules|1"
    "module page, signed out|{module}|0"
    "module page, signed in|{module}|1"
)

# One wrk run; prints "requests_per_second cpu_ms_per_request errors".
measure() {
    local name="$1" path="$2" signed_in="$3" seconds="$4"
    local url="http://127.0.0.1:${app_port[$name]}${path/\{module\}/${app_module[$name]}}"
    local headers=()
    (( signed_in == 1 )) && headers=(-H "Cookie: ${app_cookies[$name]}")
    local pid="${app_pid[$name]}" before after output
    before=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
    output=$(wrk -t2 -c"$connections" -d"${seconds}s" "${headers[@]}" "$url")
    after=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
    awk -v before="$before" -v after="$after" -v hz="$ticks_per_second" '
        /requests in/ { requests = $1 }
        /Requests\/sec/ { rate = $2 }
        /Non-2xx or 3xx responses/ { errors = $NF }
        END { cpu = requests > 0 ? (after - before) * 1000 / hz / requests : 0; printf "%.0f %.3f %d\n", rate, cpu, errors }' <<<"$output"
}

apps=(this)
start_app this "$publish_dir" "$port"
if [[ -n "$compare_dir" ]]; then
    apps+=(other)
    start_app other "$(cd "$compare_dir" && pwd)" $(( port + 1 ))
fi

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); dotnet $(dotnet --version)"
read -r load1 _ < /proc/loadavg
echo "Load average before the runs: $load1 (other work on the machine skews the figures)"
echo "Warming up (1 s per endpoint) ..."
for name in "${apps[@]}"; do
    for entry in "${endpoints[@]}"; do
        IFS='|' read -r label path signed_in <<<"$entry"
        measure "$name" "$path" "$signed_in" 1 >/dev/null
    done
done

declare -A rates=() shares=() cpus=() errors=()
for (( round = 1; round <= rounds; round++ )); do
    echo "Round $round of $rounds ..."
    declare -A static_rate=()
    for entry in "${endpoints[@]}"; do
        IFS='|' read -r label path signed_in <<<"$entry"
        for name in "${apps[@]}"; do
            read -r rate cpu failed < <(measure "$name" "$path" "$signed_in" "$duration")
            [[ "$label" == "static file" ]] && static_rate[$name]=$rate
            key="$name|$label"
            rates[$key]+="$rate "
            cpus[$key]+="$cpu "
            shares[$key]+="$(awk -v r="$rate" -v s="${static_rate[$name]}" 'BEGIN { share = s > 0 ? 100 * r / s : 0; printf "%.2f", share }') "
            errors[$key]=$(( ${errors[$key]:-0} + failed ))
        done
    done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo
printf '%-6s %-28s %12s %10s %14s %8s\n' app page "requests/s" "share" "CPU/request" "non-2xx"
for entry in "${endpoints[@]}"; do
    IFS='|' read -r label _ _ <<<"$entry"
    for name in "${apps[@]}"; do
        key="$name|$label"
        printf '%-6s %-28s %12.0f %9.1f%% %11.3f ms %8d\n' "$name" "$label" \
            "$(median <<<"${rates[$key]}")" "$(median <<<"${shares[$key]}")" "$(median <<<"${cpus[$key]}")" "${errors[$key]}"
    done
done
echo "(medians over $rounds rounds of ${duration} s per page, $connections connections; share = page requests/s over the static file's in the same round)"
