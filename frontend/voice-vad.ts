/**
 * Voice-activity detection for <voice-input>, loaded only when the person first uses the microphone with a server
 * transcriber: Silero VAD (`@ricky0123/vad-web`, ONNX Runtime in WebAssembly) finds where speech starts and ends.
 * Its model, worklet and WebAssembly files are served by the app itself under `voice/` (the build copies them
 * there from the npm packages); nothing is fetched from anywhere else. It runs on the call's one microphone
 * stream and never stops it.
 */
import { MicVAD } from '@ricky0123/vad-web';

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

export async function createVad(stream: MediaStream, audioContext: AudioContext | undefined,
                                listener: VadListener): Promise<Vad> {
  const assets = new URL('voice/', document.baseURI).href;
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
