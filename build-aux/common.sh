# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by build-aux/run, build-aux/test and build-aux/fuzz; sourced, not run.
# shellcheck shell=bash

# The lists are used by the scripts that source this file.
# shellcheck disable=SC2034

# What it takes to build Rapport and run it on Debian 12.
rapport_build_packages=(
  meson ninja-build pkg-config gcc libc6-dev
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libjson-glib-dev libsoup-3.0-dev libsecret-1-dev libical-dev
  gettext desktop-file-utils appstream libxml2-utils sqlite3
  adwaita-icon-theme librsvg2-common fonts-cantarell gsettings-desktop-schemas
)

# What the tests need on top: a display, a session bus, a Secret Service,
# a CalDAV server, python3 to read meson's test log, and pdftoppm
# (poppler-utils) to render the attendee sheet PDF.
rapport_test_packages=(
  xvfb xauth dbus dbus-x11 gnome-keyring radicale python3 poppler-utils
)

# What build-aux/fuzz needs on top of the build: clang, and libFuzzer with
# the sanitizer runtimes, which are only a recommendation of clang-14 on
# Debian 12 (libclang-rt-14-dev, through libclang-rt-dev).
rapport_fuzz_packages=(
  clang libclang-rt-dev python3
)

# rapport_install_packages PACKAGE…
#
# Installs the packages that are not installed yet, and nothing when all are.
rapport_install_packages () {
  local missing=() pkg status
  local -a sudo=()

  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "dpkg-query not found: this is not a Debian system, so install these yourself:" >&2
    echo "  $*" >&2
    return 0
  fi

  for pkg in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    if [[ $status != *"ok installed"* ]]; then
      missing+=("$pkg")
    fi
  done

  if (( ${#missing[@]} == 0 )); then
    return 0
  fi

  if (( EUID != 0 )); then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "These packages are missing and sudo is not available: ${missing[*]}" >&2
      echo "Install them as root, then run this again." >&2
      return 1
    fi
    sudo=(sudo)
  fi

  echo "Installing ${missing[*]}" >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
}

# rapport_configure SOURCE_DIR BUILD_DIR [-Doption=value…]
#
# Sets BUILD_DIR up once; afterwards changes only the options that differ,
# and starts over only when the folder cannot be read any more (for example
# after a meson upgrade).
rapport_configure () {
  local src=$1 build=$2
  shift 2
  local opt key want have
  local -a changed=()

  if [[ ! -f $build/meson-private/coredata.dat ]]; then
    meson setup "$build" "$src" "$@"
    return
  fi

  if ! meson introspect "$build" --buildoptions >/dev/null 2>&1; then
    meson setup --reconfigure "$build" "$src" "$@" ||
      meson setup --wipe "$build" "$src" "$@"
    return
  fi

  for opt in "$@"; do
    [[ $opt == -D*=* ]] || continue
    key=${opt#-D}
    key=${key%%=*}
    want=${opt#*=}
    have=$(meson configure "$build" 2>/dev/null | awk -v k="$key" '$1 == k { print $2; exit }')
    if [[ $have != "$want" ]]; then
      changed+=("$opt")
    fi
  done

  if (( ${#changed[@]} > 0 )); then
    meson configure "$build" "${changed[@]}"
  fi
}
