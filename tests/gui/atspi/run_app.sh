#!/usr/bin/env bash
# Under a virtual X display (xvfb-run): a D-Bus session, the AT-SPI bus and registry, argmap on the
# bundled map with accessibility on, then the walker; prints the walker's JSON. Arguments: PYTHON (the
# interpreter with argmap), WALKER (walk_tree.py), SECONDS to wait.
set -u
python="$1"; walker="$2"; wait="${3:-40}"
eval "$(dbus-launch --sh-syntax)"
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
bus=$!
sleep 0.5
/usr/libexec/at-spi2-registryd >/dev/null 2>&1 &
registry=$!
QT_QPA_PLATFORM=xcb QT_ACCESSIBILITY=1 QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 "$python" -m argmap >/dev/null 2>&1 &
app=$!
/usr/bin/python3 "$walker" --wait "$wait"
status=$?
kill "$app" "$registry" "$bus" 2>/dev/null
kill "$DBUS_SESSION_BUS_PID" 2>/dev/null
wait 2>/dev/null
exit $status
