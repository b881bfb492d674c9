#!/bin/sh
# Runs the web components' unit tests with the Node.js on PATH, or with the one Vaadin installed for its build.
set -e
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1 && [ -x "$HOME/.vaadin/node/node" ]; then
  PATH="$HOME/.vaadin/node:$HOME/.vaadin/node/node_modules/npm/bin:$PATH"
fi
npm ci --no-audit --no-fund --loglevel=error
npm exec -- vitest run
