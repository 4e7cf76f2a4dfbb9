# shellcheck shell=bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Shell functions shared by ./run, ./run-tests and .ci/run: they read the
# one dependency list, tools/deps.txt, and install what is missing with
# apt-get (through sudo when not root). Source this file; don't run it.

GLOSS_DEPS_FILE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/deps.txt"

# Prints every package in tools/deps.txt, one per line.
gloss_deps_all ()
{
  sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$GLOSS_DEPS_FILE"
}

# Prints the packages from tools/deps.txt that are not installed.
gloss_deps_missing ()
{
  local pkg
  for pkg in $(gloss_deps_all); do
    if ! dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      echo "$pkg"
    fi
  done
}

# Runs a command as root: directly when we are root, else through sudo.
gloss_as_root ()
{
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "error: need root to run: $*  (install sudo or run as root)" >&2
    return 1
  fi
}

# apt-get update, then installs the given packages without questions.
gloss_apt_install ()
{
  gloss_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    gloss_as_root env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -q -o Dpkg::Use-Pty=0 "$@"
}

# Installs whatever is missing from tools/deps.txt; does nothing (and
# needs no root) when everything is there.
gloss_deps_install_missing ()
{
  local missing

  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "note: not a Debian-like system; make sure these are installed:" >&2
    gloss_deps_all | tr '\n' ' ' >&2
    echo >&2
    return 0
  fi

  missing="$(gloss_deps_missing | tr '\n' ' ')"
  if [ -z "${missing// /}" ]; then
    return 0
  fi

  echo "Installing missing packages: $missing"
  # shellcheck disable=SC2086 # one word per package
  gloss_apt_install $missing
}

# Installs every package from tools/deps.txt (for CI).
gloss_deps_install_all ()
{
  # shellcheck disable=SC2046 # one word per package
  gloss_apt_install $(gloss_deps_all)
}
