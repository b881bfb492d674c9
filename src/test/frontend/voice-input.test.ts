import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for vad-web's MicVAD: records how it was set up and lets a test play the detector. */
const vads: FakeVad[] = [];
class FakeVad {
  started = 0;
  paused = 0;
  destroyed = false;
  speaking = false;
  heard: Float32Array[] = [];
  constructor(public options: Record<string, any>) {
    vads.push(this);
  }
  async start() {
    this.started++;
  }
  setOptions(update: Record<string, unknown>) {
    Object.assign(this.options, update);
  }
  async pause() {
    this.paused++;
    if (this.speaking && this.options.submitUserSpeechOnPause) {
      this.endSpeech();
    }
    this.speaking = false;
    this.heard = [];
  }
  async destroy() {
    this.destroyed = true;
  }
  /** Frames of 16 kHz audio: speech (loud) or silence. */
  frames(count: number, speech: boolean) {
    for (let i = 0; i < count; i++) {
      const frame = new Float32Array(512).fill(speech ? 0.3 : 0);
      this.options.onFrameProcessed({ isSpeech: speech ? 0.9 : 0.05, notSpeech: 0 }, frame);
      if (speech && !this.speaking) {
        this.speaking = true;
        this.options.onSpeechStart();
      }
      if (this.speaking) this.heard.push(frame);
    }
  }
  endSpeech() {
    const audio = new Float32Array(this.heard.reduce((n, f) => n + f.length, 0));
    let at = 0;
    this.heard.forEach((f) => { audio.set(f, at); at += f.length; });
    this.speaking = false;
    this.heard = [];
    this.options.onSpeechEnd(audio);
  }
}

vi.mock('@ricky0123/vad-web', () => ({
  MicVAD: { new: async (options: Record<string, unknown>) => new FakeVad(options) },
}));

/** RNNoise as an audio worklet node: the test sees it built from the app's own files and wired in. */
const rnnoise = { loaded: [] as unknown[], nodes: [] as { options: Record<string, unknown>; connect: ReturnType<typeof vi.fn> }[] };
vi.mock('@sapphi-red/web-noise-suppressor', () => ({
  loadRnnoise: async (urls: unknown) => {
    rnnoise.loaded.push(urls);
    return new ArrayBuffer(8);
  },
  RnnoiseWorkletNode: class {
    connect = vi.fn((next: unknown) => next);
    constructor(_context: unknown, public options: Record<string, unknown>) {
      rnnoise.nodes.push(this);
    }
  },
}));

/** The page's audio: one context, a source and an analyser whose level a test sets. */
let level = 0;
const denoisedStream = { denoised: true };
class FakeAudioContext {
  static made = 0;
  static worklets: string[] = [];
  state = 'running';
  sampleRate: number;
  audioWorklet = { addModule: async (url: string) => void FakeAudioContext.worklets.push(url) };
  constructor(options?: { sampleRate?: number }) {
    FakeAudioContext.made++;
    this.sampleRate = options?.sampleRate ?? 44100;
  }
  async resume() {}
  async close() {}
  createMediaStreamSource() {
    return { connect: vi.fn((next: unknown) => next), disconnect: vi.fn() };
  }
  createMediaStreamDestination() {
    return { stream: denoisedStream };
  }
  createAnalyser() {
    return { fftSize: 0, getFloatTimeDomainData: (samples: Float32Array) => samples.fill(level) };
  }
}

const track = { stop: vi.fn(), addEventListener: vi.fn(), kind: 'audio' };
const stream = { getAudioTracks: () => [track], getTracks: () => [track] };
const getUserMedia = vi.fn();
const fetchMock = vi.fn();

Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true });
(globalThis as any).AudioContext = FakeAudioContext;
(globalThis as any).fetch = fetchMock;

const { releaseMicrophone } = await import('../../../frontend/voice-input');
const { encodeWav, denoised } = await import('../../../frontend/voice-vad');

type Report = { type: string; detail: Record<string, unknown> };

function voiceInput(mode: string, maxSeconds = 30) {
  const element = document.createElement('voice-input');
  element.setAttribute('mode', mode);
  element.setAttribute('upload', 'voice/calls/c1/utterances?token=t');
  element.setAttribute('lang', 'en-US');
  element.setAttribute('max-seconds', String(maxSeconds));
  const button = document.createElement('button');
  element.append(button);
  document.body.append(element);
  const reports: Report[] = [];
  for (const type of ['voice-state', 'voice-transcript', 'voice-level']) {
    element.addEventListener(type, (event) => reports.push({ type, detail: (event as CustomEvent).detail }));
  }
  const states = () => reports.filter((r) => r.type === 'voice-state').map((r) => r.detail);
  return { element, button, reports, states };
}

async function settle() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await vi.advanceTimersByTimeAsync(0);
}

async function tap(element: HTMLElement) {
  element.dispatchEvent(new PointerEvent('pointerdown', { button: 0, bubbles: true }));
  await settle();
  await vi.advanceTimersByTimeAsync(100);
  element.dispatchEvent(new PointerEvent('pointerup', { button: 0, bubbles: true }));
  await settle();
}

function posted(call = 0) {
  const [url, init] = fetchMock.mock.calls[call];
  return { url: String(url), init: init as RequestInit, body: init.body as Blob };
}

async function wavOf(blob: Blob) {
  const view = new DataView(await blob.arrayBuffer());
  return { rate: view.getUint32(24, true), channels: view.getUint16(22, true), bits: view.getUint16(34, true),
    samples: view.getUint32(40, true) / 2 };
}

describe('voice input', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
    vads.length = 0;
    level = 0;
    getUserMedia.mockReset().mockResolvedValue(stream);
    fetchMock.mockReset().mockResolvedValue({ ok: true, json: async () => ({ text: 'hello' }) });
    document.body.innerHTML = '';
  });

  afterEach(async () => {
    document.body.innerHTML = '';
    await vi.runOnlyPendingTimersAsync();
    releaseMicrophone();
    track.stop.mockClear();
    vi.useRealTimers();
  });

  it('asks for the microphone with echo cancellation, noise suppression and gain control', async () => {
    const { element } = voiceInput('server');
    await tap(element);

    expect(getUserMedia).toHaveBeenCalledWith({
      audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
    });
  });

  it('a tap listens hands-free: an utterance ends after silence, goes up as 16 kHz mono WAV, and listening goes on', async () => {
    const { element, states } = voiceInput('server');
    await tap(element);
    const vad = vads[0];
    expect(vad.started).toBe(1);
    expect(element.getAttribute('state')).toBe('listening');

    vad.frames(40, true); // 1.3 s of speech
    expect(element.getAttribute('state')).toBe('recording');
    vad.frames(25, false);
    vad.endSpeech(); // the detector heard the silence
    await settle();

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const { url, init, body } = posted();
    expect(url).toContain('/voice/calls/c1/utterances?token=t');
    expect(init.method).toBe('POST');
    expect(await wavOf(body)).toEqual({ rate: 16000, channels: 1, bits: 16, samples: (40 + 25) * 512 });
    expect(states().map((s) => s.state)).toEqual(['listening', 'recording', 'working', 'listening']);
    expect(vad.paused).toBe(0); // still listening for the next utterance
  });

  it('detects speech on the call’s one stream after RNNoise, and never stops that stream', async () => {
    const { element } = voiceInput('server');
    await tap(element);
    const options = vads[0].options;

    expect(await options.getStream()).toBe(denoisedStream);
    await options.pauseStream(denoisedStream);
    expect(await options.resumeStream(denoisedStream)).toBe(denoisedStream);
    expect(rnnoise.nodes.at(-1)?.options).toMatchObject({ maxChannels: 1 });
    expect(rnnoise.loaded.at(-1)).toEqual({ url: expect.stringContaining('rnnoise.wasm'),
      simdUrl: expect.stringContaining('rnnoise_simd.wasm') });
    expect(FakeAudioContext.worklets.at(-1)).toContain('workletProcessor.js');
    expect(track.stop).not.toHaveBeenCalled();
    expect(options.baseAssetPath).toMatch(/\/voice\/$/);
    expect(options.model).toBe('v5');
  });

  it('a second tap stops listening and sends what was being said', async () => {
    const { element, states } = voiceInput('server');
    await tap(element);
    vads[0].frames(20, true);
    await tap(element);

    expect(fetchMock).toHaveBeenCalledTimes(1);
    await settle();
    expect(states().at(-1)?.state).toBe('off');
  });

  it('holding the button is push-to-talk: everything said while held goes on release, pauses included', async () => {
    const { element, states } = voiceInput('server');
    element.dispatchEvent(new PointerEvent('pointerdown', { button: 0 }));
    await settle();
    await vi.advanceTimersByTimeAsync(400);
    expect(element.getAttribute('state')).toBe('recording');
    const vad = vads[0];
    vad.frames(20, true);
    vad.frames(30, false); // a pause that hands-free would have ended on
    vad.frames(10, true);
    await vi.advanceTimersByTimeAsync(2000);
    element.dispatchEvent(new PointerEvent('pointerup', { button: 0 }));
    await settle();

    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect((await wavOf(posted().body)).samples).toBe(60 * 512);
    expect(states().map((s) => s.state)).toEqual(['listening', 'recording', 'working', 'off']);
  });

  it('push-to-talk with nothing said uploads nothing and says so', async () => {
    const { element, states } = voiceInput('server');
    element.dispatchEvent(new PointerEvent('pointerdown', { button: 0 }));
    await settle();
    vads[0].frames(30, false);
    await vi.advanceTimersByTimeAsync(1000);
    element.dispatchEvent(new PointerEvent('pointerup', { button: 0 }));
    await settle();

    expect(fetchMock).not.toHaveBeenCalled();
    expect(states().at(-1)).toEqual({ state: 'off', problem: 'nothing-heard' });
  });

  it('no utterance is longer than the maximum: at 30 s it is sent and the person is told', async () => {
    const { element, states } = voiceInput('server', 30);
    await tap(element);
    const vad = vads[0];
    vad.frames(Math.ceil((31 * 16000) / 512), true); // talking on and on

    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect((await wavOf(posted().body)).samples).toBeLessThanOrEqual(30 * 16000);
    expect(states()).toContainEqual({ state: 'working', problem: 'capped' });
    expect(vad.started).toBe(2); // hands-free: listening again after the cut
  });

  it('push-to-talk stops at the maximum too', async () => {
    const { element, states } = voiceInput('server', 2);
    element.dispatchEvent(new PointerEvent('pointerdown', { button: 0 }));
    await settle();
    vads[0].frames(100, true); // 3.2 s while held

    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect((await wavOf(posted().body)).samples).toBe(2 * 16000);
    expect(states()).toContainEqual({ state: 'working', problem: 'capped' });
  });

  it('hands-free, the demo avatar’s own voice coming back is not taken for the person; push-to-talk always is', async () => {
    const stage = document.createElement('avatar-stage');
    document.body.append(stage);
    const { element } = voiceInput('server');
    await tap(element);
    stage.setAttribute('speaking', ''); // the demo face speaks through speech synthesis
    vads[0].frames(20, true);
    expect(element.getAttribute('state')).toBe('listening');
    vads[0].endSpeech();
    await settle();
    expect(fetchMock).not.toHaveBeenCalled();

    stage.setAttribute('video', ''); // a LiveKit avatar's voice is taken out by echo cancellation
    vads[0].frames(20, true);
    vads[0].endSpeech();
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(1);

    stage.removeAttribute('video');
    await tap(element);
    element.dispatchEvent(new PointerEvent('pointerdown', { button: 0 }));
    await settle();
    await vi.advanceTimersByTimeAsync(400);
    vads[0].frames(20, true);
    element.dispatchEvent(new PointerEvent('pointerup', { button: 0 }));
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('denied permission blocks the microphone and says why, and a later tap asks again', async () => {
    getUserMedia.mockRejectedValueOnce(new DOMException('Permission denied', 'NotAllowedError'));
    const { element, states } = voiceInput('server');
    await tap(element);

    expect(element.getAttribute('state')).toBe('blocked');
    expect(states()).toEqual([{ state: 'blocked', problem: 'denied' }]);
    expect(vads).toHaveLength(0);

    await tap(element);
    expect(getUserMedia).toHaveBeenCalledTimes(2);
    expect(element.getAttribute('state')).toBe('listening');
  });

  it('no microphone at all is told apart from a refusal', async () => {
    getUserMedia.mockRejectedValueOnce(new DOMException('Requested device not found', 'NotFoundError'));
    const { element, states } = voiceInput('server');
    await tap(element);

    expect(states()).toEqual([{ state: 'off', problem: 'no-microphone' }]);
  });

  it('asks once, inside the Accept tap, and the call keeps that one stream', async () => {
    const accept = document.createElement('button');
    accept.setAttribute('data-voice-prime', 'server');
    document.body.append(accept);
    accept.click();
    await settle();
    expect(getUserMedia).toHaveBeenCalledTimes(1);

    const { element } = voiceInput('server');
    await tap(element);
    await tap(element);
    await tap(element);

    expect(getUserMedia).toHaveBeenCalledTimes(1);
    expect(FakeAudioContext.made).toBeGreaterThan(0);
  });

  it('the Accept tap does not ask when voice cannot work in this browser', async () => {
    const accept = document.createElement('button');
    accept.setAttribute('data-voice-prime', 'browser'); // and happy-dom has no speech recognition
    document.body.append(accept);
    accept.click();
    await settle();

    expect(getUserMedia).not.toHaveBeenCalled();
  });

  it('the level meter follows the voice while listening, and rests when off', async () => {
    const { element, reports } = voiceInput('server');
    await tap(element);
    level = 0.1;
    await vi.advanceTimersByTimeAsync(120);

    const levels = reports.filter((r) => r.type === 'voice-level').map((r) => r.detail.level as number);
    expect(levels.length).toBeGreaterThan(0);
    expect(levels.at(-1)).toBeCloseTo(0.5);
    expect(element.style.getPropertyValue('--voice-level')).toBe('0.50');

    await tap(element);
    const count = reports.filter((r) => r.type === 'voice-level').length;
    await vi.advanceTimersByTimeAsync(500);
    expect(reports.filter((r) => r.type === 'voice-level').length).toBe(count);
    expect(element.style.getPropertyValue('--voice-level')).toBe('0');
  });

  it('passes on the server’s own words when it could not use an utterance', async () => {
    fetchMock.mockResolvedValueOnce({ ok: false, status: 502,
      json: async () => ({ error: 'failed', message: 'Speech recognition is not available right now.' }) });
    const { element, states } = voiceInput('server');
    await tap(element);
    vads[0].frames(20, true);
    vads[0].endSpeech();
    await settle();

    expect(states().at(-1)).toEqual({ state: 'listening', problem: 'server',
      message: 'Speech recognition is not available right now.' });
  });

  it('a lost connection while uploading is a failure the person hears about', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const { element, states } = voiceInput('server');
    await tap(element);
    vads[0].frames(20, true);
    vads[0].endSpeech();
    await settle();

    expect(states().at(-1)).toEqual({ state: 'listening', problem: 'failed' });
  });

  it('keyboard users toggle it with Enter or Space (a click with no pointer)', async () => {
    const { element } = voiceInput('server');
    element.dispatchEvent(new MouseEvent('click', { detail: 0 }));
    await settle();
    expect(element.getAttribute('state')).toBe('listening');

    element.dispatchEvent(new MouseEvent('click', { detail: 0 }));
    await settle();
    expect(element.getAttribute('state')).toBe('off');
  });

  describe('with the browser’s speech recognition', () => {
    const recognitions: FakeRecognition[] = [];
    class FakeRecognition {
      lang = '';
      continuous = true;
      interimResults = true;
      maxAlternatives = 0;
      onresult: ((event: unknown) => void) | null = null;
      onerror: ((event: unknown) => void) | null = null;
      onend: (() => void) | null = null;
      onspeechstart: (() => void) | null = null;
      started = 0;
      constructor() {
        recognitions.push(this);
      }
      start() {
        this.started++;
      }
      stop() {
        this.onend?.();
      }
      abort() {
        this.onend?.();
      }
      hear(text: string) {
        this.onspeechstart?.();
        const result = Object.assign([{ transcript: text }], { isFinal: true });
        this.onresult?.({ results: [result] });
      }
    }

    beforeEach(() => {
      recognitions.length = 0;
      (window as any).webkitSpeechRecognition = FakeRecognition;
    });

    afterEach(() => {
      delete (window as any).webkitSpeechRecognition;
    });

    it('hands the transcript over in the call’s language and listens again, hands-free', async () => {
      const { element, reports } = voiceInput('browser');
      await tap(element);
      const first = recognitions[0];
      expect(first.lang).toBe('en-US');
      expect(first.continuous).toBe(false); // it ends the utterance after silence itself

      first.hear('what are your opening hours');
      expect(element.getAttribute('state')).toBe('recording');
      first.onend?.();
      await settle();

      expect(reports.filter((r) => r.type === 'voice-transcript').map((r) => r.detail))
        .toEqual([{ text: 'what are your opening hours' }]);
      expect(recognitions).toHaveLength(2);
      expect(element.getAttribute('state')).toBe('listening');
      expect(fetchMock).not.toHaveBeenCalled();
    });

    it('push-to-talk keeps listening through pauses until released', async () => {
      const { element, reports } = voiceInput('browser');
      element.dispatchEvent(new PointerEvent('pointerdown', { button: 0 }));
      await settle();
      const recognition = recognitions[0];
      recognition.hear('hello');
      recognition.onend?.(); // the browser thought the pause was the end
      expect(recognition.started).toBe(2);
      recognition.hear('there');
      await vi.advanceTimersByTimeAsync(1000);
      element.dispatchEvent(new PointerEvent('pointerup', { button: 0 }));
      await settle();

      expect(reports.filter((r) => r.type === 'voice-transcript').map((r) => r.detail)).toEqual([{ text: 'hello there' }]);
      expect(element.getAttribute('state')).toBe('off');
    });

    it('stops at the maximum length', async () => {
      const { element, states } = voiceInput('browser', 5);
      await tap(element);
      recognitions[0].hear('a very long story');
      await vi.advanceTimersByTimeAsync(5000);

      expect(states()).toContainEqual({ state: 'listening', problem: 'capped' });
    });

    it('a refusal of the recognizer itself blocks the microphone', async () => {
      const { element, states } = voiceInput('browser');
      await tap(element);
      recognitions[0].onerror?.({ error: 'not-allowed' });
      recognitions[0].onend?.();

      expect(element.getAttribute('state')).toBe('blocked');
      expect(states()).toContainEqual({ state: 'blocked', problem: 'denied' });
      expect(recognitions).toHaveLength(1);
    });

    it('says so when this browser has no speech recognition', async () => {
      delete (window as any).webkitSpeechRecognition;
      const { element, states } = voiceInput('browser');
      await tap(element);

      expect(states()).toEqual([{ state: 'off', problem: 'unsupported' }]);
      expect(getUserMedia).not.toHaveBeenCalled();
    });
  });

  it('with the provider listening, the microphone goes into the avatar’s room: on while talking, off after', async () => {
    const stage = document.createElement('avatar-stage') as HTMLElement & { useMicrophone: unknown };
    const calls: [unknown, boolean][] = [];
    stage.useMicrophone = async (t: unknown, on: boolean) => void calls.push([t, on]);
    document.body.append(stage);
    const { element } = voiceInput('provider');

    await tap(element);
    expect(calls).toEqual([[track, true]]);
    expect(element.getAttribute('state')).toBe('listening');

    await tap(element);
    expect(calls.at(-1)).toEqual([undefined, false]);
    expect(element.getAttribute('state')).toBe('off');
    expect(fetchMock).not.toHaveBeenCalled();
    expect(vads).toHaveLength(0); // the provider finds the utterances itself
  });

  it('lets the microphone go when the call is over', async () => {
    const { element } = voiceInput('server');
    await tap(element);
    element.remove();
    await settle();

    expect(track.stop).toHaveBeenCalled();
    expect(vads[0].destroyed).toBe(true);
  });
});

describe('noise suppression', () => {
  it('is left out where RNNoise cannot run, and the microphone is used as it is', async () => {
    const raw = stream as unknown as MediaStream;
    const at44k = new FakeAudioContext({ sampleRate: 44100 }) as unknown as AudioContext;
    const broken = new FakeAudioContext({ sampleRate: 48000 });
    broken.audioWorklet.addModule = async () => {
      throw new DOMException('no worklets here', 'AbortError');
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    expect(await denoised(raw, at44k)).toBe(raw);
    expect(await denoised(raw, broken as unknown as AudioContext)).toBe(raw);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});

describe('the WAV encoding', () => {
  it('writes a 44-byte PCM header and clips samples to 16 bits', async () => {
    const wav = encodeWav(new Float32Array([0, 1, -1, 2]), 16000);
    const view = new DataView(await wav.arrayBuffer());

    expect(wav.size).toBe(44 + 8);
    expect(String.fromCharCode(...new Uint8Array(await wav.arrayBuffer()).slice(0, 4))).toBe('RIFF');
    expect([view.getInt16(44, true), view.getInt16(46, true), view.getInt16(48, true), view.getInt16(50, true)])
      .toEqual([0, 32767, -32768, 32767]);
    expect(wav.type).toBe('audio/wav');
  });
});
