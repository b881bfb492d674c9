import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The app serves what voice-activity detection loads at run time under /voice/, copied by the build
 * (src/main/voice/assets.sh) into target/classes. They must be the very files of the npm packages the app is built
 * with (pinned in VoiceInput.java, in src/main/voice and here): a WebAssembly file of another ONNX Runtime version
 * than the JavaScript built into the app does not load.
 */
const modules = join(__dirname, 'node_modules');
const served = join(__dirname, '../../../target/classes/META-INF/resources/voice');
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
    const assets = JSON.parse(readFileSync(join(__dirname, '../../main/voice/package.json'), 'utf8')).dependencies;
    const version0 = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
    expect(assets['@ricky0123/vad-web']).toBe(version0(vadWeb));
    expect(assets['onnxruntime-web']).toBe(version0(ort));

    const pins = readFileSync(join(__dirname, '../../main/java/app/avatarcall/call/ui/VoiceInput.java'), 'utf8');
    const version = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;

    expect(pins).toContain(`@NpmPackage(value = "@ricky0123/vad-web", version = "${version(vadWeb)}")`);
    expect(pins).toContain(`@NpmPackage(value = "onnxruntime-web", version = "${version(ort)}")`);
  });
});
