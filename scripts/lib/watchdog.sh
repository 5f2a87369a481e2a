# A watchdog for test runs: a run whose output stops for LOA_TEST_STALL_SECONDS (default 600) is
# stopped and fails, after printing the tests still running, PostgreSQL's sessions and every
# thread's stack of the test process. Without it a hung run holds CI until its 90-minute limit.
# Sourced, not run.

WATCHED_GROUP=""

# run_watched CMD...: runs CMD in its own process group, streaming its output; returns its status,
# or 124 after a stall.
run_watched() {
    local limit=${LOA_TEST_STALL_SECONDS:-600}
    local log
    log=$(mktemp)
    setsid "$@" >"$log" 2>&1 &
    local pid=$!
    WATCHED_GROUP=$pid
    tail -n +1 -f --pid="$pid" "$log" &
    local tail_pid=$! size=0 last=-1 quiet=0 status=0
    while kill -0 "$pid" 2>/dev/null; do
        sleep 1
        size=$(stat -c %s "$log")
        if [ "$size" != "$last" ]; then last=$size; quiet=0; else quiet=$((quiet + 1)); fi
        if [ "$quiet" -ge "$limit" ]; then
            report_stall "$log" "$pid" "$limit"
            kill -KILL -- "-$pid" 2>/dev/null || true
            status=124
            break
        fi
    done
    if [ "$status" -eq 124 ]; then wait "$pid" 2>/dev/null || true; else wait "$pid" || status=$?; fi
    wait "$tail_pid" 2>/dev/null || true
    WATCHED_GROUP=""
    rm -f "$log"
    return "$status"
}

# stop_watched: kills a watched run left behind (for the caller's EXIT trap).
stop_watched() {
    [ -n "$WATCHED_GROUP" ] && kill -KILL -- "-$WATCHED_GROUP" 2>/dev/null || true
}

# report_stall LOG PID LIMIT: the Swift Testing tests that started and did not end, then the stacks.
report_stall() {
    local log=$1 group=$2 limit=$3
    {
        echo
        echo "watchdog: no test output for $limit s; stopping the run"
        echo "watchdog: tests started and not finished:"
        grep -v ' Test case passing ' "$log" | sed -n 's/^.* Test \(.*\) started\.$/\1/p' | sort >"$log.started"
        sed -En 's/^.* Test (.*) (passed|failed) after .*$/\1/p; s/^.* Test (.*) skipped.*$/\1/p' "$log" \
            | sed -E 's/ with [0-9]+ test cases?$//' | sort >"$log.ended"
        comm -23 "$log.started" "$log.ended" | sed 's/^/    /'
        rm -f "$log.started" "$log.ended"
        if [ -n "${LOA_TEST_POSTGRES_URL:-}" ] && command -v psql >/dev/null; then
            echo "watchdog: PostgreSQL sessions (a query waiting on a lock shows its wait event):"
            timeout 20 psql "$LOA_TEST_POSTGRES_URL" -X -A -F ' | ' -c "SELECT pid, state, wait_event_type,
                wait_event, now() - xact_start AS in_transaction, left(query, 120) AS query
                FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()" \
                2>&1 | sed 's/^/    /' || true
        fi
        ensure_packages gdb || true
        local process
        for process in $(pgrep -s "$group"); do
            grep -q '\.xctest' "/proc/$process/cmdline" 2>/dev/null || continue
            echo "watchdog: threads of process $process ($(tr '\0' ' ' <"/proc/$process/cmdline"))"
            timeout 120 gdb -p "$process" -batch -ex "thread apply all bt" 2>/dev/null \
                | grep -E '^(Thread|#)' || echo "    (gdb could not attach)"
        done
    } >&2
}
