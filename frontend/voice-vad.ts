/// <reference types="vite/client" />
/**
 * Voice-activity detection for <voice-input>, loaded only when the person first uses the microphone with a server
 * transcriber: Silero VAD (`@ricky0123/vad-web`, ONNX Runtime in WebAssembly) finds where speech starts and ends.
 * Before it, RNNoise (`@sapphi-red/web-noise-suppressor`, WebAssembly in an audio worklet) takes out steady noise
 * (fans, traffic, a café) that the browser's own noise suppression leaves, so that neither the detector nor the
 * transcriber mistakes it for speech. Silero's model and worklet and ONNX Runtime's WebAssembly are served by the
 * app under `voice/`; RNNoise's files come with the app's own build. Nothing is fetched from anywhere else. It
 * works on the call's one microphone stream and never stops it.
 */
import { MicVAD } from '@ricky0123/vad-web';
import { loadRnnoise, RnnoiseWorkletNode } from '@sapphi-red/web-noise-suppressor';
import rnnoiseWorklet from '@sapphi-red/web-noise-suppressor/rnnoiseWorklet.js?url';
import rnnoiseWasm from '@sapphi-red/web-noise-suppressor/rnnoise.wasm?url';
import rnnoiseSimdWasm from '@sapphi-red/web-noise-suppressor/rnnoise_simd.wasm?url';

export interface Vad {
  start(): Promise<void>;
  /** Stops listening; with `submit`, speech under way ends as an utterance. */
  pause(submit: boolean): Promise<void>;
  destroy(): Promise<void>;
}

export interface VadListener {
  /** Every 32 ms frame of 16 kHz audio, and whether the model thinks it is speech. */
  onFrame(frame: Float32Array, speech: boolean): void;
  onSpeechStart(): void;
  /** An utterance ended after silence: its 16 kHz samples, from a little before it started. */
  onSpeechEnd(audio: Float32Array): void;
  /** What sounded like speech was too short to be any. */
  onMisfire(): void;
}

const SPEECH = 0.5;

export async function createVad(microphone: MediaStream, audioContext: AudioContext | undefined,
                                listener: VadListener): Promise<Vad> {
  const assets = new URL('voice/', document.baseURI).href;
  const stream = audioContext ? await denoised(microphone, audioContext) : microphone;
  const vad = await MicVAD.new({
    model: 'v5',
    baseAssetPath: assets,
    onnxWASMBasePath: assets,
    ...(audioContext ? { audioContext } : {}),
    // The call keeps one stream: the detector borrows it and never stops it.
    getStream: async () => stream,
    pauseStream: async () => undefined,
    resumeStream: async () => stream,
    startOnLoad: false,
    positiveSpeechThreshold: SPEECH,
    negativeSpeechThreshold: SPEECH - 0.15,
    redemptionMs: 800, // this much silence ends an utterance
    preSpeechPadMs: 300,
    minSpeechMs: 250,
    submitUserSpeechOnPause: false,
    onFrameProcessed: (probabilities, frame) => listener.onFrame(frame, probabilities.isSpeech >= SPEECH),
    onSpeechStart: () => listener.onSpeechStart(),
    onSpeechEnd: (audio) => listener.onSpeechEnd(audio),
    onVADMisfire: () => listener.onMisfire(),
  });
  return {
    start: () => vad.start(),
    pause: async (submit) => {
      vad.setOptions({ submitUserSpeechOnPause: submit });
      await vad.pause();
    },
    destroy: () => vad.destroy(),
  };
}

/**
 * The microphone with RNNoise applied, or as it is where RNNoise cannot run (it works on 48 kHz audio only, and an
 * old browser may lack audio worklets or WebAssembly SIMD): the browser's own noise suppression still applies.
 */
export async function denoised(stream: MediaStream, context: AudioContext): Promise<MediaStream> {
  if (context.sampleRate !== 48000 || !context.audioWorklet) {
    return stream;
  }
  try {
    const [wasmBinary] = await Promise.all([
      loadRnnoise({ url: rnnoiseWasm, simdUrl: rnnoiseSimdWasm }),
      context.audioWorklet.addModule(rnnoiseWorklet),
    ]);
    const rnnoise = new RnnoiseWorkletNode(context, { maxChannels: 1, wasmBinary });
    const output = context.createMediaStreamDestination();
    context.createMediaStreamSource(stream).connect(rnnoise).connect(output);
    return output.stream;
  } catch (error) {
    console.warn('noise suppression (RNNoise) is not available here; the browser’s own applies', error);
    return stream;
  }
}

/** 16-bit PCM WAV, mono: what whisper servers read best. */
export function encodeWav(samples: Float32Array, sampleRate: number): Blob {
  const data = new DataView(new ArrayBuffer(44 + samples.length * 2));
  const text = (at: number, value: string) => [...value].forEach((c, i) => data.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  data.setUint32(4, 36 + samples.length * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  data.setUint32(16, 16, true);
  data.setUint16(20, 1, true); // PCM
  data.setUint16(22, 1, true); // mono
  data.setUint32(24, sampleRate, true);
  data.setUint32(28, sampleRate * 2, true);
  data.setUint16(32, 2, true);
  data.setUint16(34, 16, true);
  text(36, 'data');
  data.setUint32(40, samples.length * 2, true);
  samples.forEach((sample, i) => {
    const clipped = Math.max(-1, Math.min(1, sample));
    data.setInt16(44 + i * 2, clipped < 0 ? clipped * 0x8000 : clipped * 0x7fff, true);
  });
  return new Blob([data.buffer], { type: 'audio/wav' });
}
