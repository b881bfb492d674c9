import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The app serves what voice-activity detection loads at run time from META-INF/resources/voice (the production
 * build cleans node_modules away, so they cannot be copied from there). They must be the very files of the npm
 * packages the app is built with (pinned in VoiceInput.java and in package.json here): a WebAssembly file of
 * another ONNX Runtime version than the JavaScript built into the app does not load.
 */
const modules = join(__dirname, 'node_modules');
const served = join(__dirname, '../../main/resources/META-INF/resources/voice');
const vadWeb = join(modules, '@ricky0123/vad-web');
const ort = join(modules, 'onnxruntime-web');

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('the voice assets the app serves', () => {
  it.each([
    ['vad.worklet.bundle.min.js', join(vadWeb, 'dist')],
    ['silero_vad_v5.onnx', join(vadWeb, 'dist')],
    ['ort-wasm-simd-threaded.wasm', join(ort, 'dist')],
    ['ort-wasm-simd-threaded.mjs', join(ort, 'dist')],
  ])('%s is the npm package’s own', (file, from) => {
    expect(hash(join(served, file))).toBe(hash(join(from, file)));
  });

  it('come from the versions the app pins', () => {
    const pins = readFileSync(join(__dirname, '../../main/java/app/avatarcall/call/ui/VoiceInput.java'), 'utf8');
    const version = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;

    expect(pins).toContain(`@NpmPackage(value = "@ricky0123/vad-web", version = "${version(vadWeb)}")`);
    expect(pins).toContain(`@NpmPackage(value = "onnxruntime-web", version = "${version(ort)}")`);
  });
});
