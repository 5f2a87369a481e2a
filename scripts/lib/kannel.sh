# Kannel as a real peer for KannelPeerTests: bearerbox + smsbox + the fake SMSC on loopback, with
# scripts/kannel/kannel.conf filled in with free ports. Sourced, not run.
#
#   kannel_start   starts everything, waits until sendsms answers and the fake SMSC is online,
#                  exports LOA_KANNEL_* for the test; logs go to $LOA_KANNEL_DIR
#   kannel_stop    stops what kannel_start started (by pid); keeps the logs when given a
#                  non-zero status, so a failed run can be read
#
# Needs Debian's kannel and kannel-extras (fakesmsc), see NOTES.md "Kannel".

LOA_KANNEL_FAKESMSC="${LOA_KANNEL_FAKESMSC:-/usr/lib/kannel/test/fakesmsc}"

# _kannel_free_port: a loopback port nothing answers on (bash's /dev/tcp, no extra tools), below
# the kernel's ephemeral range (32768 and up), so no test's client socket or port-0 server takes it
# between now and the test that binds it.
_kannel_free_port() {
    local port
    while :; do
        port=$(( 20000 + RANDOM % 12000 ))
        { (exec 3<>"/dev/tcp/127.0.0.1/$port"); } 2>/dev/null || { echo "$port"; return; }
    done
}

# _kannel_get PORT PATH: the raw HTTP/1.0 answer to a GET on 127.0.0.1:PORT, or nothing.
_kannel_get() (
    { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || exit 1
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
    timeout 5 cat <&3
)

# _kannel_answers PORT PATH PATTERN: whether that GET's answer matches PATTERN (no pipe into
# `grep -q`, whose early exit fails the pipeline under `set -o pipefail`).
_kannel_answers() {
    local answer
    answer=$(_kannel_get "$1" "$2") || return 1
    grep -q "$3" <<<"$answer"
}

# _kannel_spawn NAME COMMAND...: starts COMMAND in the background, its output in NAME.log.
_kannel_spawn() {
    local name=$1
    shift
    "$@" </dev/null >"$LOA_KANNEL_DIR/$name.log" 2>&1 &
    echo $! >"$LOA_KANNEL_DIR/$name.pid"
}

kannel_start() {
    LOA_KANNEL_DIR=$(mktemp -d "${TMPDIR:-/tmp}/loa-kannel.XXXXXX")
    local admin smsbox sendsms fake upstream_smsc upstream_stub chain password admin_password
    admin=$(_kannel_free_port); smsbox=$(_kannel_free_port); sendsms=$(_kannel_free_port)
    fake=$(_kannel_free_port); upstream_smsc=$(_kannel_free_port); upstream_stub=$(_kannel_free_port)
    chain=$(_kannel_free_port)
    password="peer-$RANDOM$RANDOM"
    admin_password="admin-$RANDOM$RANDOM"
    local inbound="http://127.0.0.1:$upstream_stub/hooks/kannel/peer-hook-secret/inbound"
    # KannelReplyChainTests runs a real Loa server on $chain with hook_secret $LOA_KANNEL_HOOK_SECRET:
    # its kannel channel's hook segment is HMAC-SHA256(hook_secret, "kannel"), 32 hex digits (SPEC §4).
    LOA_KANNEL_HOOK_SECRET="chain-$RANDOM$RANDOM"
    local segment
    segment=$(printf kannel | openssl dgst -sha256 -hmac "$LOA_KANNEL_HOOK_SECRET" | awk '{print $NF}' | cut -c1-32)
    local chain_inbound="http://127.0.0.1:$chain/hooks/kannel/$segment/inbound"
    sed -e "s|@ADMIN_PORT@|$admin|g" -e "s|@ADMIN_PASSWORD@|$admin_password|g" \
        -e "s|@SMSBOX_PORT@|$smsbox|g" -e "s|@SENDSMS_PORT@|$sendsms|g" -e "s|@FAKE_PORT@|$fake|g" \
        -e "s|@UPSTREAM_SMSC_PORT@|$upstream_smsc|g" -e "s|@UPSTREAM_STUB_PORT@|$upstream_stub|g" \
        -e "s|@SENDSMS_PASSWORD@|$password|g" -e "s|@INBOUND_URL@|$inbound|g" -e "s|@DIR@|$LOA_KANNEL_DIR|g" \
        -e "s|@CHAIN_INBOUND_URL@|$chain_inbound|g" \
        "$LOA_ROOT/scripts/kannel/kannel.conf" >"$LOA_KANNEL_DIR/kannel.conf"
    export LOA_KANNEL_DIR

    _kannel_spawn bearerbox /usr/sbin/bearerbox -v 1 "$LOA_KANNEL_DIR/kannel.conf"
    local tries=0
    until _kannel_answers "$admin" "/status.txt?password=$admin_password" "^HTTP/1.[01] 200"; do
        tries=$((tries + 1))
        if [ $tries -gt 100 ]; then echo "kannel: bearerbox did not start, see $LOA_KANNEL_DIR" >&2; return 1; fi
        sleep 0.1
    done
    _kannel_spawn smsbox /usr/sbin/smsbox -v 1 "$LOA_KANNEL_DIR/kannel.conf"
    # fakesmsc reads messages to send from stdin and quits at its end: give it a FIFO that this
    # shell holds open (closed by kannel_stop, or when the shell exits). Each line a test writes
    # there ("<from> <to> text|ucs2 <msg>") reaches Kannel as a resident's SMS; `-m -1` lets it
    # send any number of them (`-m 0` would only listen).
    mkfifo "$LOA_KANNEL_DIR/fakesmsc.in"
    exec {LOA_KANNEL_FIFO_FD}<>"$LOA_KANNEL_DIR/fakesmsc.in"
    "$LOA_KANNEL_FAKESMSC" -H 127.0.0.1 -r "$fake" -m -1 <"$LOA_KANNEL_DIR/fakesmsc.in" \
        >"$LOA_KANNEL_DIR/fakesmsc.log" 2>&1 &
    echo $! >"$LOA_KANNEL_DIR/fakesmsc.pid"
    # Ready when sendsms answers and the fake SMSC is online (else submits answer "3: Queued").
    tries=0
    until _kannel_answers "$sendsms" "/cgi-bin/sendsms" "^HTTP/1.[01] " \
        && _kannel_answers "$admin" "/status.txt?password=$admin_password" "fake.*online"; do
        tries=$((tries + 1))
        if [ $tries -gt 200 ]; then echo "kannel: smsbox or fakesmsc did not come up, see $LOA_KANNEL_DIR" >&2; return 1; fi
        sleep 0.1
    done
    export LOA_KANNEL_SENDSMS="http://127.0.0.1:$sendsms"
    export LOA_KANNEL_USERNAME=loa
    export LOA_KANNEL_PASSWORD="$password"
    export LOA_KANNEL_ADMIN="http://127.0.0.1:$admin"
    export LOA_KANNEL_UPSTREAM_SMSC="http://127.0.0.1:$upstream_smsc"
    export LOA_KANNEL_UPSTREAM_STUB_PORT="$upstream_stub"
    export LOA_KANNEL_INBOUND_URL="$inbound"
    export LOA_KANNEL_CHAIN_PORT="$chain"
    export LOA_KANNEL_HOOK_SECRET
    echo "kannel: bearerbox, smsbox and fakesmsc up; sendsms at $LOA_KANNEL_SENDSMS, logs in $LOA_KANNEL_DIR" >&2
}

kannel_stop() {
    local status=${1:-0}
    [ -n "${LOA_KANNEL_DIR:-}" ] && [ -d "$LOA_KANNEL_DIR" ] || return 0
    local name pid
    for name in smsbox fakesmsc bearerbox; do
        [ -f "$LOA_KANNEL_DIR/$name.pid" ] || continue
        pid=$(cat "$LOA_KANNEL_DIR/$name.pid")
        kill "$pid" 2>/dev/null || continue
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
        rm -f "$LOA_KANNEL_DIR/$name.pid"
    done
    if [ -n "${LOA_KANNEL_FIFO_FD:-}" ]; then
        exec {LOA_KANNEL_FIFO_FD}>&-
        unset LOA_KANNEL_FIFO_FD
    fi
    if [ "$status" -eq 0 ]; then
        rm -rf "$LOA_KANNEL_DIR"
    else
        echo "kannel: logs kept in $LOA_KANNEL_DIR" >&2
    fi
    unset LOA_KANNEL_DIR LOA_KANNEL_SENDSMS
}
