/**
 * <ring-tone>: the incoming-call ringtone, synthesized with Web Audio (no audio file to download), with vibration
 * where the device has it. Browsers let a page make sound only after the person has interacted with it; until then
 * it shows a hint and starts on the first tap. Removing the element stops everything at once; the `muted` attribute
 * (the app was minimized in Telegram) silences it at once until it is removed. The `tone` attribute picks one of
 * TONES, or `silent` (it only vibrates, and asks for no tap); `volume` is the gain.
 */
interface Tone {
  notes: number[];
  noteSeconds: number;
  cycleMs: number;
  /** Oscillators per note, with their detune in cents: more voices, a richer sound. */
  voices: [OscillatorType, number][];
}

/** The built-in tones an operator picks from (Branding.Ringtone), synthesized here: nothing to download. */
export const TONES: Record<string, Tone> = {
  // E5 G#5 B5: a bright, friendly arpeggio (the app's own tone).
  classic: { notes: [659.25, 830.61, 987.77, 830.61, 659.25, 987.77], noteSeconds: 0.14, cycleMs: 3000,
    voices: [['sine', 0], ['triangle', 1200]] },
  // C5 E5 G5, slower and rounder: for calm settings (healthcare, tutoring).
  soft: { notes: [523.25, 659.25, 783.99, 659.25], noteSeconds: 0.3, cycleMs: 3600, voices: [['sine', 0]] },
  // Two alternating beeps, like an office phone.
  digital: { notes: [1318.51, 987.77, 1318.51, 987.77, 1318.51, 987.77], noteSeconds: 0.07, cycleMs: 2400,
    voices: [['square', 0]] },
};

class RingTone extends HTMLElement {
  static observedAttributes = ['muted'];

  private audio?: AudioContext;
  private cycle?: number;
  private readonly unlock = () => this.resume();

  private starting?: number;

  connectedCallback(): void {
    this.setAttribute('aria-hidden', 'true');
    if (this.starting === undefined) {
      // Opening the audio device takes long on a slow phone: the screen (and its Accept button) comes first.
      this.starting = window.setTimeout(() => this.start(), 50);
    }
  }

  private tone(): Tone | undefined {
    const name = this.getAttribute('tone') ?? 'classic';
    return name === 'silent' ? undefined : (TONES[name] ?? TONES.classic);
  }

  private start(): void {
    const tone = this.tone();
    if (!tone) {
      this.vibrate();
      this.cycle = window.setInterval(() => this.vibrate(), TONES.classic.cycleMs);
      return;
    }
    const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (Context) {
      this.audio = new Context();
    }
    this.ring(tone);
    this.cycle = window.setInterval(() => this.ring(tone), tone.cycleMs);
    if (this.audio?.state !== 'running') {
      this.textContent = this.getAttribute('tap-hint') ?? '';
      for (const type of ['pointerdown', 'keydown', 'touchstart']) {
        document.addEventListener(type, this.unlock, { capture: true, passive: true });
      }
    }
  }

  attributeChangedCallback(): void {
    if (this.hasAttribute('muted')) {
      navigator.vibrate?.(0);
      void this.audio?.suspend().catch(() => undefined);
    } else if (this.audio && !this.textContent) {
      void this.audio.resume().catch(() => undefined); // it was playing before: no tap needed to go on
    }
  }

  disconnectedCallback(): void {
    // Moved within the page, it rings on; removed from it, it stops at once.
    setTimeout(() => {
      if (!this.isConnected) {
        this.stop();
      }
    });
  }

  private stop(): void {
    window.clearTimeout(this.starting);
    window.clearInterval(this.cycle);
    this.removeUnlockListeners();
    navigator.vibrate?.(0);
    void this.audio?.close().catch(() => undefined);
    this.audio = undefined;
  }

  private resume(): void {
    void this.audio?.resume().then(() => {
      this.textContent = '';
      this.removeUnlockListeners();
    });
  }

  private removeUnlockListeners(): void {
    for (const type of ['pointerdown', 'keydown', 'touchstart']) {
      document.removeEventListener(type, this.unlock, { capture: true });
    }
  }

  private ring(tone: Tone): void {
    if (this.hasAttribute('muted')) {
      return;
    }
    this.vibrate();
    const audio = this.audio;
    if (!audio || audio.state !== 'running') {
      return;
    }
    // An exponential ramp cannot reach 0: the quietest is nearly silent.
    const volume = Math.max(0.0002, Number(this.getAttribute('volume') ?? 0.25));
    const start = audio.currentTime + 0.02;
    tone.notes.forEach((frequency, i) => this.note(audio, tone, frequency, start + i * tone.noteSeconds, volume));
  }

  private note(audio: AudioContext, tone: Tone, frequency: number, at: number, volume: number): void {
    const gain = audio.createGain();
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(volume, at + 0.012);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + tone.noteSeconds * 1.8);
    gain.connect(audio.destination);
    for (const [type, detune] of tone.voices) {
      const oscillator = audio.createOscillator();
      oscillator.type = type;
      oscillator.frequency.value = frequency;
      oscillator.detune.value = detune;
      oscillator.connect(gain);
      oscillator.start(at);
      oscillator.stop(at + tone.noteSeconds * 2);
    }
  }

  private vibrate(): void {
    try {
      navigator.vibrate?.([600, 300, 600]);
    } catch {
      // Some WebViews throw instead of ignoring vibration without a user gesture.
    }
  }
}

customElements.define('ring-tone', RingTone);
