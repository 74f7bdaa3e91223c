#!/usr/bin/env bash
# `make run`: the action server (unless ACTION_SERVER_URL points elsewhere) and the Rasa
# server in the foreground. Ctrl-C / SIGTERM stops both, letting in-flight messages finish.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
pids=()

stop() {
  trap - INT TERM
  echo "Stopping..."
  kill -TERM "${pids[@]}" 2>/dev/null
  wait "${pids[@]}" 2>/dev/null
  exit 0
}
trap stop INT TERM

if [ -z "${ACTION_SERVER_URL:-}" ]; then
  "$PY" -m bot.serving.action_server --actions actions --port "${ACTIONS_PORT:-5055}" &
  pids+=($!)
else
  echo "ACTION_SERVER_URL is set: using the action server at $ACTION_SERVER_URL"
fi
"$PY" -m bot.server --model models &
pids+=($!)

# Whichever stops first stops the other.
wait -n "${pids[@]}"
status=$?
stop_rest() { kill -TERM "${pids[@]}" 2>/dev/null; wait "${pids[@]}" 2>/dev/null; }
stop_rest
exit $status
