/**
 * <ring-tone>: the incoming-call ringtone, synthesized with Web Audio (no audio file to download), with vibration
 * where the device has it. Browsers let a page make sound only after the person has interacted with it; until then
 * it shows a hint and starts on the first tap. Removing the element stops everything at once; the `muted` attribute
 * (the app was minimized in Telegram) silences it at once until it is removed.
 */
const PHRASE = [659.25, 830.61, 987.77, 830.61, 659.25, 987.77]; // E5 G#5 B5: a bright, friendly arpeggio
const NOTE_SECONDS = 0.14;
const CYCLE_MS = 3000;

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

  private start(): void {
    const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (Context) {
      this.audio = new Context();
    }
    this.ring();
    this.cycle = window.setInterval(() => this.ring(), CYCLE_MS);
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

  private ring(): void {
    if (this.hasAttribute('muted')) {
      return;
    }
    this.vibrate();
    const audio = this.audio;
    if (!audio || audio.state !== 'running') {
      return;
    }
    const volume = Number(this.getAttribute('volume') ?? 0.25);
    const start = audio.currentTime + 0.02;
    PHRASE.forEach((frequency, i) => this.note(audio, frequency, start + i * NOTE_SECONDS, volume));
  }

  private note(audio: AudioContext, frequency: number, at: number, volume: number): void {
    const gain = audio.createGain();
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(volume, at + 0.012);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + NOTE_SECONDS * 1.8);
    gain.connect(audio.destination);
    for (const [type, detune] of [['sine', 0], ['triangle', 1200]] as const) {
      const oscillator = audio.createOscillator();
      oscillator.type = type;
      oscillator.frequency.value = frequency;
      oscillator.detune.value = detune;
      oscillator.connect(gain);
      oscillator.start(at);
      oscillator.stop(at + NOTE_SECONDS * 2);
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
