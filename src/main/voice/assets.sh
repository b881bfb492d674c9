#!/bin/sh
# Copies what voice-activity detection loads at run time from the pinned npm packages into the app's static
# resources ($1), instead of keeping 16 MB of binaries in git. Runs in process-classes, after Vaadin's
# prepare-frontend has made sure of Node.js, so `./mvnw` (dev mode) and the production jar both serve them under
# /voice/. Uses the Node.js on PATH, or the one Vaadin installed.
set -e
target="$1"
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1 && [ -x "$HOME/.vaadin/node/node" ]; then
  PATH="$HOME/.vaadin/node:$HOME/.vaadin/node/node_modules/npm/bin:$PATH"
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
mkdir -p "$target"
cp node_modules/@ricky0123/vad-web/dist/vad.worklet.bundle.min.js node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx \
   node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.mjs \
   "$target/"
