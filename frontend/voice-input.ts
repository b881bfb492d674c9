/**
 * <voice-input>: the person speaks to the avatar. It wraps the microphone button the server renders (light DOM)
 * with a ring that moves with the voice level, and hears the person in one of three ways (attribute `mode`):
 *
 * - `server`: each utterance is recorded (16 kHz mono WAV) and posted to the `upload` address; voice-activity
 *   detection (a lazily loaded chunk, `voice-vad`, with RNNoise before it) ends it after silence;
 * - `browser`: the browser's own speech recognition (Web Speech API) hears it and hands over the text;
 * - `provider`: the microphone goes into the avatar's LiveKit room (`avatar-stage`), where the provider hears it.
 *
 * A tap toggles hands-free listening; holding the button talks for as long as it is held (push-to-talk). No
 * utterance lasts longer than `max-seconds`. One microphone stream serves the whole call: it is asked for once,
 * inside the Accept tap (any element with `data-voice-prime`), because some WebViews (Telegram on Android) ask the
 * person again on every request.
 *
 * Reports go to the server as `voice-state` events ({state, problem?, message?}: state is off, listening,
 * recording, working or blocked) and `voice-transcript` events ({text}, browser mode); `voice-level` events
 * ({level} 0…1) stay in the page.
 */

type State = 'off' | 'listening' | 'recording' | 'working' | 'blocked';
type Problem = 'denied' | 'no-microphone' | 'unsupported' | 'capped' | 'nothing-heard' | 'failed' | 'server';

/** Holding the button longer than this is push-to-talk; a shorter press is a tap. */
const HOLD_MS = 350;

const CONSTRAINTS: MediaStreamConstraints = {
  audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
};

let microphone: Promise<MediaStream> | undefined;
let audioContext: AudioContext | undefined;

/**
 * The call's microphone stream, asked for at most once while it lasts. Call it inside a tap: both the permission
 * prompt and a running AudioContext want one.
 */
export function primeMicrophone(): Promise<MediaStream> {
  if (!audioContext && typeof AudioContext !== 'undefined') {
    try {
      audioContext = new AudioContext({ sampleRate: 48000 }); // what RNNoise works on
    } catch {
      audioContext = new AudioContext();
    }
  }
  void audioContext?.resume().catch(() => undefined);
  if (!microphone) {
    if (!navigator.mediaDevices?.getUserMedia) {
      return Promise.reject(new DOMException('no microphone API', 'NotSupportedError'));
    }
    const asked = navigator.mediaDevices.getUserMedia(CONSTRAINTS);
    microphone = asked;
    asked.then(
      (stream) => stream.getAudioTracks().forEach((track) => track.addEventListener('ended', () => {
        if (microphone === asked) microphone = undefined; // unplugged: the next tap asks again
      })),
      () => {
        if (microphone === asked) microphone = undefined; // refused: a later tap may ask again
      },
    );
  }
  return microphone;
}

/** Stops the microphone (the browser's recording light goes out) when the call is over. */
export function releaseMicrophone(): void {
  const held = microphone;
  microphone = undefined;
  held?.then((stream) => stream.getTracks().forEach((track) => track.stop()), () => undefined);
  void audioContext?.close().catch(() => undefined);
  audioContext = undefined;
}

function speechRecognition(): (new () => SpeechRecognitionLike) | undefined {
  const w = window as unknown as Record<string, unknown>;
  return (w.SpeechRecognition ?? w.webkitSpeechRecognition) as (new () => SpeechRecognitionLike) | undefined;
}

/** Whether voice can work here at all in the given mode (no point asking for a microphone otherwise). */
function voicePossible(mode: string | null): boolean {
  return mode === 'server' || mode === 'provider' || (mode === 'browser' && speechRecognition() !== undefined);
}

/**
 * The demo face speaks with the browser's speech synthesis, which echo cancellation cannot take out of the
 * microphone (a LiveKit avatar's voice it can): in hands-free mode, speech that starts while the demo face speaks
 * is its own voice coming back. Push-to-talk is always the person.
 */
function avatarEchoes(): boolean {
  const stage = document.querySelector('avatar-stage');
  return !!stage && stage.hasAttribute('speaking') && !stage.hasAttribute('video');
}

function problemOf(error: unknown): Problem {
  const name = (error as { name?: string })?.name ?? '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'NotReadableError' || name === 'OverconstrainedError') return 'no-microphone';
  if (name === 'NotSupportedError' || name === 'TypeError') return 'unsupported';
  return 'failed';
}

interface SpeechRecognitionLike {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  maxAlternatives: number;
  onresult: ((event: { results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }> }) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  onspeechstart: (() => void) | null;
  start(): void;
  stop(): void;
  abort(): void;
}

/** What the stage offers for the provider's voice chat (see avatar-stage.ts). */
interface StageWithMicrophone extends HTMLElement {
  useMicrophone(track: MediaStreamTrack | undefined, on: boolean): Promise<void>;
}

/** The lazily loaded voice-activity detector (voice-vad.ts). */
type Vad = import('./voice-vad').Vad;

const STYLE = `
:host { position: relative; display: inline-grid; place-items: center; flex: none; }
.ring {
  position: absolute; inset: -4px; border-radius: 50%; pointer-events: none; opacity: 0;
  border: 3px solid var(--voice-ring, #f87171); transform: scale(calc(1 + var(--voice-level, 0) * 0.35));
  transition: transform 80ms linear, opacity 0.2s ease;
}
:host([state="listening"]) .ring { opacity: 0.55; }
:host([state="recording"]) .ring { opacity: 1; }
:host([state="working"]) .ring { opacity: 0.55; border-style: dashed; }
@media (prefers-reduced-motion: reduce) {
  .ring { transform: none; transition: none; }
  :host([state="recording"]) .ring { border-width: calc(2px + var(--voice-level, 0) * 4px); }
}
`;

class VoiceInput extends HTMLElement {
  private readonly root = this.attachShadow({ mode: 'open' });
  private state: State = 'off';
  /** Listening goes on after each utterance until the person taps again. */
  private handsFree = false;
  /** Push-to-talk: the button is held. */
  private held = false;
  private pressing = false;
  private pressedAt = 0;
  private stream?: MediaStream;
  private meter?: number;
  private analyser?: AnalyserNode;
  private source?: MediaStreamAudioSourceNode;
  private vad?: Vad;
  private recognition?: SpeechRecognitionLike;
  private stage?: StageWithMicrophone;
  private pttFrames: Float32Array[] = [];
  private pttSamples = 0;
  /** Whether the detector heard any speech while the button was held. */
  private pttSpeech = false;
  private speechSamples = 0;
  private capTimer?: number;
  private capped = false;
  /** What the browser's recognition heard of the utterance so far. */
  private heard = '';
  /** The utterance under way started while the demo avatar was speaking: it is its voice coming back. */
  private echo = false;
  private generation = 0;

  constructor() {
    super();
    this.root.innerHTML = `<style>${STYLE}</style><span class="ring" part="ring"></span><slot></slot>`;
    this.addEventListener('pointerdown', (event) => this.press(event));
    this.addEventListener('pointerup', () => this.release());
    this.addEventListener('pointercancel', () => this.release());
    this.addEventListener('contextmenu', (event) => event.preventDefault()); // a long press is push-to-talk
    this.addEventListener('click', (event) => {
      if (event.detail === 0) this.toggle(); // Enter or Space on the button: no pointer came first
    });
  }

  get mode(): string {
    return this.getAttribute('mode') ?? 'browser';
  }

  private get maxSamples(): number {
    return Number(this.getAttribute('max-seconds') ?? 30) * 16000;
  }

  disconnectedCallback(): void {
    // Flow may move the element within the page; only leaving the page for good (the call is over) stops it.
    setTimeout(() => {
      if (!this.isConnected) {
        void this.stop(false);
        void this.vad?.destroy();
        this.vad = undefined;
        releaseMicrophone();
      }
    });
  }

  /** Starts or stops hands-free listening (a tap, or Enter / Space on the button). */
  async toggle(): Promise<void> {
    if (this.state === 'off' || this.state === 'blocked') {
      this.handsFree = true;
      await this.start();
    } else {
      this.handsFree = false;
      await this.stop(true);
    }
  }

  private press(event: PointerEvent): void {
    if (event.button !== 0) return;
    this.pressing = true;
    this.pressedAt = performance.now();
    if (this.state === 'off' || this.state === 'blocked') {
      this.held = true; // push-to-talk until it turns out to be a tap
      this.handsFree = false;
      void this.start();
      window.setTimeout(() => {
        if (this.held && this.pressing && this.state === 'listening') this.setState('recording');
      }, HOLD_MS);
    }
  }

  private release(): void {
    if (!this.pressing) return;
    this.pressing = false;
    const tap = performance.now() - this.pressedAt < HOLD_MS;
    if (this.held) {
      this.held = false;
      if (tap) {
        this.handsFree = true; // a tap: keep listening, and let silence end each utterance
        this.pttFrames = [];
        this.pttSamples = 0;
        this.pttSpeech = false;
      } else {
        void this.stop(true); // push-to-talk: what was said while held goes now
      }
    } else if (tap && this.state !== 'off' && this.state !== 'blocked') {
      this.handsFree = false;
      void this.stop(true);
    }
  }

  private async start(): Promise<void> {
    const generation = ++this.generation;
    this.capped = false;
    if (!voicePossible(this.mode)) {
      this.setState('off', 'unsupported');
      return;
    }
    try {
      this.stream = await primeMicrophone();
    } catch (error) {
      this.held = false;
      this.handsFree = false;
      const problem = problemOf(error);
      this.setState(problem === 'denied' ? 'blocked' : 'off', problem);
      return;
    }
    if (generation !== this.generation) return; // stopped while the permission prompt was up
    this.startMeter(this.stream);
    this.setState('listening');
    try {
      if (this.mode === 'server') await this.startServer(generation);
      else if (this.mode === 'provider') await this.startProvider(true);
      else this.startBrowser();
    } catch (error) {
      console.warn('voice input could not start', error);
      this.handsFree = false;
      await this.stop(false);
      this.setState('off', 'failed');
    }
  }

  /** Stops listening; with {@code send}, what was said so far still goes. */
  private async stop(send: boolean): Promise<void> {
    this.generation++;
    window.clearTimeout(this.capTimer);
    if (this.mode === 'server') {
      if (send && this.pttFrames.length) {
        const audio = this.takePushToTalk();
        if (this.pttSpeech) this.sendRecorded(audio);
        else this.setState('off', 'nothing-heard'); // held, but nothing was said: no upload
      }
      this.pttFrames = [];
      this.pttSpeech = false;
      await this.vad?.pause(send && this.state === 'recording');
    } else if (this.mode === 'provider') {
      await this.stage?.useMicrophone(undefined, false).catch((error) => console.warn('microphone stays on', error));
    } else if (this.recognition) {
      const recognition = this.recognition;
      if (send) {
        this.held = false;
        recognition.stop(); // its end hands over what it heard
      } else {
        this.recognition = undefined;
        this.heard = '';
        recognition.abort();
      }
    }
    this.stopMeter();
    if (this.state !== 'working' && this.state !== 'blocked') this.setState('off');
  }

  // --- server: voice-activity detection, a WAV per utterance, posted to the server ---

  private async startServer(generation: number): Promise<void> {
    this.pttFrames = [];
    this.pttSamples = 0;
    this.pttSpeech = false;
    this.speechSamples = 0;
    if (!this.vad) {
      const { createVad } = await import('./voice-vad');
      this.vad = await createVad(this.stream!, audioContext, {
        onFrame: (frame, speech) => this.onFrame(frame, speech),
        onSpeechStart: () => {
          this.speechSamples = 0;
          this.echo = !this.held && avatarEchoes();
          if (!this.held && !this.echo && this.state === 'listening') this.setState('recording');
        },
        onSpeechEnd: (audio) => {
          if (this.held) return;
          if (this.echo) {
            this.echo = false; // the avatar heard itself: nothing to send
            this.capped = false;
            return;
          }
          this.sendRecorded(audio);
        },
        onMisfire: () => {
          if (!this.held && this.state === 'recording') this.setState('listening');
        },
      });
    }
    if (generation === this.generation) {
      await this.vad.start(); // unless the person stopped while the detector was loading
    }
  }

  private onFrame(frame: Float32Array, speech: boolean): void {
    if (this.held) {
      this.pttFrames.push(frame);
      this.pttSamples += frame.length;
      this.pttSpeech ||= speech;
      if (this.pttSamples >= this.maxSamples) {
        this.capped = true;
        this.held = false;
        void this.stop(true);
      }
    } else if (this.state === 'recording' || this.echo) {
      this.speechSamples += frame.length;
      if (this.speechSamples >= this.maxSamples) {
        this.capped = true;
        this.speechSamples = 0;
        void this.vad?.pause(true).then(() => (this.handsFree ? this.vad?.start() : undefined));
      }
    }
  }

  private takePushToTalk(): Float32Array {
    const audio = new Float32Array(Math.min(this.pttSamples, this.maxSamples));
    let at = 0;
    for (const frame of this.pttFrames) {
      const part = frame.subarray(0, Math.min(frame.length, audio.length - at));
      audio.set(part, at);
      at += part.length;
    }
    this.pttFrames = [];
    this.pttSamples = 0;
    return audio;
  }

  private sendRecorded(audio: Float32Array): void {
    const capped = this.capped;
    this.capped = false;
    if (audio.length < 16000 * 0.2) {
      this.setState(this.handsFree ? 'listening' : 'off', 'nothing-heard');
      return;
    }
    this.setState('working', capped ? 'capped' : undefined);
    void this.upload(audio.subarray(0, this.maxSamples)).then(({ problem, message }) =>
      this.setState(this.handsFree ? 'listening' : 'off', problem, message),
    );
  }

  private async upload(audio: Float32Array): Promise<{ problem?: Problem; message?: string }> {
    const { encodeWav } = await import('./voice-vad');
    try {
      const response = await fetch(new URL(this.getAttribute('upload') ?? '', document.baseURI), {
        method: 'POST',
        headers: { 'Content-Type': 'audio/wav' },
        body: encodeWav(audio, 16000),
      });
      if (response.ok) return {};
      const body = await response.json().catch(() => ({}));
      return { problem: 'server', message: typeof body.message === 'string' ? body.message : undefined };
    } catch {
      return { problem: 'failed' };
    }
  }

  // --- browser: the Web Speech API hears the person ---

  private startBrowser(): void {
    const Recognition = speechRecognition()!;
    const recognition = new Recognition();
    this.recognition = recognition;
    recognition.lang = this.getAttribute('lang') || document.documentElement.lang || 'en';
    recognition.continuous = false; // it ends after silence itself; push-to-talk starts it again while held
    recognition.interimResults = false;
    recognition.maxAlternatives = 1;
    recognition.onspeechstart = () => {
      this.echo = !this.held && avatarEchoes();
      if (this.state === 'listening' && !this.echo) this.setState('recording');
    };
    recognition.onresult = (event) => {
      const heard = Array.from(event.results).filter((result) => result.isFinal)
        .map((result) => result[0].transcript).join(' ').trim();
      this.heard = [this.heard, heard].filter(Boolean).join(' ');
    };
    recognition.onerror = (event) => {
      const problem: Problem | undefined = ({
        'not-allowed': 'denied', 'service-not-allowed': 'unsupported', 'audio-capture': 'no-microphone',
        network: 'failed', 'language-not-supported': 'unsupported',
      } as Record<string, Problem>)[event.error];
      if (problem) {
        this.handsFree = false;
        this.held = false;
        this.setState(problem === 'denied' ? 'blocked' : 'off', problem);
      }
    };
    recognition.onend = () => {
      if (this.recognition !== recognition) return; // aborted
      if (this.held && !this.capped && this.state !== 'blocked' && this.state !== 'off') {
        recognition.start(); // push-to-talk: a pause in speech does not end it
        return;
      }
      window.clearTimeout(this.capTimer);
      this.recognition = undefined;
      const heard = this.echo ? '' : this.heard; // what the avatar said, heard back, is not the person's
      this.heard = '';
      this.echo = false;
      if (heard) this.dispatch('voice-transcript', { text: heard });
      const capped = this.capped ? 'capped' : undefined;
      this.capped = false;
      if (this.state === 'blocked' || (this.state === 'off' && !heard)) {
        this.stopMeter();
      } else if (this.handsFree) {
        this.setState('listening', capped);
        this.startBrowser(); // hands-free: listen for the next utterance
      } else {
        this.stopMeter();
        this.setState('off', capped);
      }
    };
    recognition.start();
    this.capTimer = window.setTimeout(() => {
      this.capped = true;
      recognition.stop();
    }, (this.maxSamples / 16000) * 1000);
  }

  // --- provider: the microphone goes into the avatar's room ---

  private async startProvider(on: boolean): Promise<void> {
    this.stage = document.querySelector('avatar-stage') as StageWithMicrophone | null ?? undefined;
    if (!this.stage?.useMicrophone) throw new Error('no avatar room to speak into');
    await this.stage.useMicrophone(this.stream!.getAudioTracks()[0], on);
    if (this.held) {
      this.capTimer = window.setTimeout(() => {
        this.capped = true;
        this.held = false;
        void this.stop(true).then(() => this.setState('off', 'capped'));
      }, (this.maxSamples / 16000) * 1000);
    }
  }

  // --- the level meter ---

  private startMeter(stream: MediaStream): void {
    if (this.meter || !audioContext) return;
    this.source = audioContext.createMediaStreamSource(stream);
    this.analyser = audioContext.createAnalyser();
    this.analyser.fftSize = 512;
    this.source.connect(this.analyser);
    const samples = new Float32Array(this.analyser.fftSize);
    this.meter = window.setInterval(() => {
      this.analyser!.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      const level = Math.min(1, Math.sqrt(sum / samples.length) * 5);
      this.style.setProperty('--voice-level', level.toFixed(2));
      this.dispatch('voice-level', { level });
    }, 60);
  }

  private stopMeter(): void {
    window.clearInterval(this.meter);
    this.meter = undefined;
    this.source?.disconnect();
    this.source = undefined;
    this.analyser = undefined;
    this.style.setProperty('--voice-level', '0');
  }

  private setState(state: State, problem?: Problem, message?: string): void {
    const changed = state !== this.state;
    this.state = state;
    this.setAttribute('state', state);
    if (changed || problem) {
      this.dispatch('voice-state', { state, ...(problem ? { problem } : {}), ...(message ? { message } : {}) });
    }
  }

  private dispatch(type: string, detail: Record<string, unknown>): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

// The Accept tap asks for the microphone, so that the person is asked once, when they expect it.
document.addEventListener('click', (event) => {
  const target = (event.target as Element | null)?.closest?.('[data-voice-prime]');
  if (target && voicePossible(target.getAttribute('data-voice-prime'))) {
    primeMicrophone().catch(() => undefined); // refused: the microphone button explains when it is tapped
  }
}, true);

// The call is over before the microphone was used (a call that failed to connect): the page lets it go.
(window as unknown as { voiceInput: object }).voiceInput = { release: releaseMicrophone };

customElements.define('voice-input', VoiceInput);
