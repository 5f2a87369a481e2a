# Shared helpers for Loa's scripts: installing Debian packages on demand and building.
# Sourced, not run.

LOA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export LOA_ROOT

# ensure_packages PKG...: installs the Debian packages that are missing (as root, or via sudo).
ensure_packages() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "installing ${missing[*]}…" >&2
    if [ -z "${LOA_APT_UPDATED:-}" ]; then
        $sudo apt-get update -qq >&2
        export LOA_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
}

# ensure_build_deps: what every build needs (libcurl headers for the CCurl module, zlib for ZIPFoundation).
ensure_build_deps() {
    ensure_packages libcurl4-openssl-dev pkg-config zlib1g-dev
}
