# Shared by the bench scripts (source it): process checks, stopping the apps they started, wrk, and the
# server publish the Dockerfile makes. Nothing here runs on its own.

# True while the process runs (a child that has exited stays a zombie until waited for, and kill -0
# would still succeed on it).
alive() {
    local state
    state=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) || return 1
    [[ -n "$state" && "$state" != Z ]]
}

# Stops every app in the associative array named $1 (name -> pid): a clean shutdown first (bounded to
# 10 s), then killed.
stop_apps() {
    local -n pids="$1"
    local name pid waited
    for name in "${!pids[@]}"; do
        pid="${pids[$name]}"
        if alive "$pid"; then
            kill "$pid" 2>/dev/null || true
            waited=0
            while alive "$pid" && (( waited < 100 )); do sleep 0.1; waited=$(( waited + 1 )); done
            kill -9 "$pid" 2>/dev/null || true
        fi
        wait "$pid" 2>/dev/null || true
    done
}

# Installs Debian's wrk when it is missing.
ensure_wrk() {
    command -v wrk >/dev/null && return 0
    echo "Installing wrk (apt-get) ..."
    local sudo=()
    (( EUID == 0 )) || sudo=(sudo)
    "${sudo[@]}" apt-get install -y -qq wrk >/dev/null || { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq wrk >/dev/null; }
    command -v wrk >/dev/null || { echo "could not install wrk" >&2; exit 2; }
}

# Sets publish_dir to the folder the script publishes to or reuses, made absolute: the one given (-o), or a new
# folder under work_dir when publishing; reusing (publish=0) needs one given.
resolve_publish_dir() {
    if [[ -z "$publish_dir" ]]; then
        (( publish == 1 )) || { echo "--no-publish needs -o DIR" >&2; exit 2; }
        publish_dir="$work_dir/publish"
    fi
    publish_dir="$(mkdir -p "$publish_dir" && cd "$publish_dir" && pwd)"
}

# Waits until the app $1 (pid $2) answers 200 at $3, polling every $6 s (each poll given $7 s) for at most $5 s;
# otherwise prints its log ($4) and exits.
wait_until_serving() {
    local name="$1" pid="$2" url="$3" log="$4" deadline=$(( $(date +%s) + $5 )) interval="$6" poll_timeout="$7"
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time "$poll_timeout" "$url" || true)" == 200 ]]; do
        if ! alive "$pid" || (( $(date +%s) > deadline )); then
            echo "the $name app did not serve $url; its log:" >&2; cat "$log" >&2; exit 1
        fi
        sleep "$interval"
    done
}

# Publishes the site as the Dockerfile does (Release, the Server publish profile: self-contained, composite
# ReadyToRun for this machine's architecture) to $2, from the repository at $1. The output is still started
# with `dotnet <dir>/LearningHub.Web.dll`, which runs a self-contained app on its own runtime, so the scripts
# can compare it with an older commit's framework-dependent publish.
publish_for_server() {
    local arch
    case "$(uname -m)" in
        x86_64) arch=x64 ;;
        aarch64) arch=arm64 ;;
        *) echo "unknown architecture $(uname -m)" >&2; exit 2 ;;
    esac
    echo "Publishing (Release, Server profile: self-contained composite ReadyToRun; about 3 minutes on 2 cores) to $2 ..."
    dotnet publish "$1/src/LearningHub.Web/LearningHub.Web.csproj" -c Release -p:PublishProfile=Server -o "$2" --nologo -v quiet \
        -a "$arch"
}
