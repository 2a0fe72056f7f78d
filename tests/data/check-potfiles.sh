#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: check-potfiles.sh SOURCE_ROOT
#
# Fails when a file with translatable strings is missing from po/POTFILES.in
# (its strings would never reach translators), or when POTFILES.in names a
# file that does not exist (xgettext would stop with an error).

set -eu

srcdir=${1:?usage: check-potfiles.sh SOURCE_ROOT}
cd "$srcdir"

potfiles=po/POTFILES.in
if [ ! -f "$potfiles" ]; then
  echo "$potfiles: no such file" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Comments, blank lines and [encoding: …] lines carry no file name.
sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' \
    -e '/^\[.*\]$/d' -e '/^$/d' "$potfiles" | LC_ALL=C sort -u > "$tmp/listed"

{
  # C: _("…"), N_("…"), C_("ctx", "…"), Q_("…") with or without a space
  # before the parenthesis, and the g_d*gettext family, whose first argument
  # is the domain.
  grep -rlE --include='*.c' --include='*.h' \
    -e '(^|[^[:alnum:]_])((N|C|NC|Q)?_|ngettext) ?\( *("|$)' \
    -e '(^|[^[:alnum:]_])g_d(c|n|p|p2)?gettext2? ?\(' \
    src 2>/dev/null || true
  # GtkBuilder files and anything else that marks properties translatable.
  grep -rl 'translatable="yes"' src resources 2>/dev/null || true
  # Desktop entries, metainfo and schemas are always translatable.
  ls data/*.desktop.in data/*.desktop.in.in data/*.metainfo.xml.in \
     data/*.metainfo.xml.in.in data/*.gschema.xml 2>/dev/null || true
} | LC_ALL=C sort -u > "$tmp/found"

status=0

missing=$(LC_ALL=C comm -23 "$tmp/found" "$tmp/listed")
if [ -n "$missing" ]; then
  echo "These files have translatable strings but are not in $potfiles:" >&2
  printf '%s\n' "$missing" | sed 's/^/  /' >&2
  status=1
fi

while IFS= read -r file; do
  if [ ! -f "$file" ]; then
    echo "$potfiles lists $file, which does not exist" >&2
    status=1
  fi
done < "$tmp/listed"

if [ "$status" -eq 0 ]; then
  echo "$potfiles lists all $(wc -l < "$tmp/found" | tr -d ' ') files with translatable strings"
fi

exit "$status"
