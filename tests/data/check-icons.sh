#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: check-icons.sh SOURCE_ROOT APP_ID
#
# The application icons must be well-formed SVG on the canvas the GNOME icon
# guidelines use, and the symbolic one must use only the colour GTK recolours.

set -eu

srcdir=${1:?usage: check-icons.sh SOURCE_ROOT APP_ID}
app_id=${2:?usage: check-icons.sh SOURCE_ROOT APP_ID}
cd "$srcdir"

if ! command -v xmllint >/dev/null 2>&1; then
  echo "xmllint not found (install libxml2-utils); skipping"
  exit 77
fi

icon=data/icons/hicolor/scalable/apps/$app_id.svg
symbolic=data/icons/hicolor/symbolic/apps/$app_id-symbolic.svg
status=0

for file in "$icon" "$symbolic"; do
  if [ ! -f "$file" ]; then
    echo "$file: no such file" >&2
    status=1
  elif ! xmllint --noout "$file"; then
    echo "$file: not well-formed XML" >&2
    status=1
  fi
done
[ "$status" -eq 0 ] || exit "$status"

viewbox () {
  xmllint --xpath 'string(/*[local-name()="svg"]/@viewBox)' "$1"
}

if [ "$(viewbox "$icon")" != "0 0 128 128" ]; then
  echo "$icon: the viewBox must be \"0 0 128 128\", not \"$(viewbox "$icon")\"" >&2
  status=1
fi
if [ "$(viewbox "$symbolic")" != "0 0 16 16" ]; then
  echo "$symbolic: the viewBox must be \"0 0 16 16\", not \"$(viewbox "$symbolic")\"" >&2
  status=1
fi

# GTK recolours symbolic icons by their fill; any other colour or a stroke
# would stay dark on a dark background.
colours=$(grep -oE '(fill|stroke|stop-color|color)[=:] *"?[^";)]*' "$symbolic" \
          | sed -E 's/^[a-z-]+[=:] *"?//' \
          | grep -viE '^(#2e3436|none)$' || true)
if [ -n "$colours" ]; then
  echo "$symbolic: uses colours other than #2e3436: $(printf '%s' "$colours" | tr '\n' ' ')" >&2
  status=1
fi
if grep -qE 'stroke(-width)?[=:]' "$symbolic"; then
  echo "$symbolic: uses a stroke; draw it as filled paths" >&2
  status=1
fi

if [ "$status" -eq 0 ]; then
  echo "$icon and $symbolic are valid"
fi

exit "$status"
