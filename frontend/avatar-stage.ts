/**
 * <avatar-stage>: where the avatar appears. This build draws the built-in demo avatar, a stylized face that
 * breathes, blinks, shows emotions and moves its mouth while it speaks with the browser's speech synthesis (or, when
 * the browser has no voice for the language, with timed captions alone).
 *
 * The server drives it: showDemo(look, lang), speak(id, text, lang) (queued behind what it is saying, so that a reply
 * can be handed over sentence by sentence), interrupt() (stops it and drops the queue), showEmotion(name). It reports back
 * with one DOM event, `stage-event`, whose detail has a `type`: ready, speaking-started, caption, speaking-ended,
 * connection, failed. With the `portrait` attribute it is only the idle face of the incoming-call screen.
 */

type Emotion = 'neutral' | 'happy' | 'sad' | 'surprised' | 'thinking';

interface Expression {
  smile: number; // -1 (frown) … 1 (smile)
  brow: number; // 0 relaxed … 1 raised
  browTilt: number; // > 0: inner ends up (sad), < 0: inner ends down
  eye: number; // eye opening, 1 normal
  gazeX: number;
  gazeY: number;
  jaw: number; // mouth opening at rest
}

const EXPRESSIONS: Record<Emotion, Expression> = {
  neutral: { smile: 0.3, brow: 0, browTilt: 0, eye: 1, gazeX: 0, gazeY: 0, jaw: 0 },
  happy: { smile: 1, brow: 0.35, browTilt: -0.2, eye: 0.82, gazeX: 0, gazeY: 0, jaw: 0.1 },
  sad: { smile: -0.7, brow: 0.2, browTilt: 1, eye: 0.85, gazeX: 0, gazeY: 1.5, jaw: 0 },
  surprised: { smile: 0, brow: 1, browTilt: 0, eye: 1.3, gazeX: 0, gazeY: 0, jaw: 0.45 },
  thinking: { smile: 0, brow: 0.4, browTilt: -0.6, eye: 0.95, gazeX: 2.5, gazeY: -2.5, jaw: 0 },
};

const LOOKS: Record<string, { skin: string; hair: string; from: string; to: string; longHair: boolean }> = {
  ava: { skin: '#f3c9a8', hair: '#5a3526', from: '#7c3aed', to: '#db2777', longHair: true },
  max: { skin: '#dfa77f', hair: '#2b2730', from: '#0d9488', to: '#2563eb', longHair: false },
};

const SVG = `
<svg viewBox="0 0 200 200" preserveAspectRatio="xMidYMax meet" aria-hidden="true">
  <g class="body"><path class="shirt" d="M-60 420 L-60 262 C-42 206 44 160 100 156 C156 160 242 206 260 262 L260 420 Z"/>
    <path class="neck skin" d="M88 132 L112 132 L114 156 Q100 164 86 156 Z"/></g>
  <g class="head">
    <path class="hair hair-back" d=""/>
    <ellipse class="skin" cx="63" cy="100" rx="6" ry="9"/><ellipse class="skin" cx="137" cy="100" rx="6" ry="9"/>
    <ellipse class="skin face" cx="100" cy="98" rx="36" ry="44"/>
    <ellipse class="cheek" cx="78" cy="112" rx="7" ry="4"/><ellipse class="cheek" cx="122" cy="112" rx="7" ry="4"/>
    <g class="eye eye-l"><ellipse class="white" cx="85" cy="96" rx="6.5" ry="5"/><circle class="pupil" cx="85" cy="96" r="3.2"/></g>
    <g class="eye eye-r"><ellipse class="white" cx="115" cy="96" rx="6.5" ry="5"/><circle class="pupil" cx="115" cy="96" r="3.2"/></g>
    <path class="brow brow-l" d=""/><path class="brow brow-r" d=""/>
    <path class="nose" d="M100 100 Q97 110 100 113"/>
    <path class="mouth" d=""/>
    <path class="hair hair-front" d=""/>
  </g>
</svg>`;

const STYLE = `
:host([video]) svg { display: none; }
.video { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; background: #000; }
.unmute {
  position: absolute; left: 50%; bottom: 45%; transform: translateX(-50%); min-height: 44px; padding: 0 20px;
  border: none; border-radius: 22px; background: rgba(15, 23, 42, 0.75); color: #fff; font: inherit; cursor: pointer;
}
:host {
  display: block; position: relative; overflow: hidden; contain: strict;
  background: radial-gradient(circle at 50% 30%, rgba(255, 255, 255, 0.3), transparent 60%),
    linear-gradient(135deg, var(--from), var(--to));
}
svg { position: absolute; left: 0; top: 0; width: 100%; height: var(--face-height, 100%); display: block; overflow: visible; }
.skin { fill: var(--skin); }
.hair { fill: var(--hair); }
.shirt { fill: rgba(15, 23, 42, 0.55); }
.cheek { fill: #f87171; opacity: 0.18; }
.white { fill: #fff; }
.pupil { fill: #1f2937; }
.brow { fill: none; stroke: var(--hair); stroke-width: 3; stroke-linecap: round; }
.nose { fill: none; stroke: rgba(0, 0, 0, 0.18); stroke-width: 1.6; stroke-linecap: round; }
.mouth { fill: #7f1d1d; stroke: #9f3a3a; stroke-width: 1.2; stroke-linejoin: round; }
`;

const REDUCED_MOTION = window.matchMedia?.('(prefers-reduced-motion: reduce)');

class AvatarStage extends HTMLElement {
  static observedAttributes = ['look'];

  private readonly root = this.attachShadow({ mode: 'open' });
  private head!: SVGGElement;
  private mouth!: SVGPathElement;
  private brows!: SVGPathElement[];
  private eyes!: SVGGElement[];
  private pupils!: SVGCircleElement[];
  private frame = 0;
  private expression: Expression = { ...EXPRESSIONS.neutral };
  private target: Expression = EXPRESSIONS.neutral;
  private open = 0;
  private nextBlink = 0;
  private relax?: number;
  private room?: import('./livekit-room').LiveKitRoom;
  private current?: { id: string; timers: number[]; spoken: string };
  private queue: { id: string; text: string; languageTag: string }[] = [];

  constructor() {
    super();
    this.root.innerHTML = `<style>${STYLE}</style>${SVG}`;
    const $ = <T extends Element>(selector: string) => this.root.querySelector(selector) as T;
    this.head = $('.head');
    this.mouth = $('.mouth');
    this.brows = [$('.brow-l'), $('.brow-r')];
    this.eyes = [$('.eye-l'), $('.eye-r')];
    this.pupils = [$('.eye-l .pupil'), $('.eye-r .pupil')];
  }

  connectedCallback(): void {
    this.applyLook();
    this.draw(0);
    if (this.hasAttribute('portrait')) {
      this.startMoving();
    }
  }

  disconnectedCallback(): void {
    // Flow's router may move the stage within the page; only leaving the page for good stops it.
    setTimeout(() => {
      if (!this.isConnected) {
        cancelAnimationFrame(this.frame);
        this.frame = 0;
        this.queue = [];
        this.stopSpeaking(true);
        this.room?.leave();
        this.room = undefined;
      }
    });
  }

  /** Starts the face moving; a stage that nobody sees yet stays still and costs the phone nothing. */
  private startMoving(): void {
    if (this.frame) {
      return;
    }
    const loop = (now: number) => {
      this.draw(now / 1000);
      this.frame = requestAnimationFrame(loop);
    };
    this.frame = requestAnimationFrame(loop);
  }

  attributeChangedCallback(): void {
    this.applyLook();
  }

  /** Shows the demo avatar; the stage is ready at once. */
  showDemo(look: string, _languageTag: string): void {
    this.setAttribute('look', look);
    this.startMoving();
    setTimeout(() => {
      this.report({ type: 'ready' });
      this.report({ type: 'connection', quality: 'excellent' });
    });
  }

  /** Shows a LiveKit avatar (HeyGen LiveAvatar): the face gives way to the avatar's video. */
  async joinRoom(url: string, token: string, avatarIdentity: string): Promise<void> {
    const { LiveKitRoom } = await import('./livekit-room');
    this.setAttribute('video', '');
    this.room?.leave();
    this.room = new LiveKitRoom(this.root, avatarIdentity,
      (detail) => this.report(detail), this.getAttribute('unmute-label') ?? 'Tap for sound');
    await this.room.join(url, token);
  }

  /** Sends a command on the avatar room's data channel. */
  publish(topic: string, payload: string): void {
    if (!this.room) {
      this.report({ type: 'failed', reason: 'no avatar room to send to' });
      return;
    }
    void this.room.publish(topic, payload);
  }

  /** The person's microphone (the call's one stream, from voice-input) into the avatar's room, on or muted. */
  async useMicrophone(track: MediaStreamTrack | undefined, on: boolean): Promise<void> {
    if (!this.room) {
      throw new Error('no avatar room to speak into');
    }
    await this.room.useMicrophone(track, on);
  }

  speak(id: string, text: string, languageTag: string): void {
    if (this.current) {
      this.queue.push({ id, text, languageTag });
      return;
    }
    this.current = { id, timers: [], spoken: '' };
    const voice = voiceFor(languageTag);
    if (voice) {
      this.speakWithVoice(id, text, voice);
    } else {
      this.speakWithCaptions(id, text);
    }
  }

  interrupt(): void {
    this.queue = [];
    this.stopSpeaking(true);
  }

  showEmotion(name: string): void {
    this.target = EXPRESSIONS[name as Emotion] ?? EXPRESSIONS.neutral;
  }

  private speakWithVoice(id: string, text: string, voice: SpeechSynthesisVoice): void {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    let started = false;
    utterance.onstart = () => {
      started = true;
      this.started(id);
    };
    utterance.onboundary = (event) => {
      if (event.name === 'word' && this.current?.id === id) {
        this.caption(id, text.slice(0, event.charIndex + (event.charLength || wordLength(text, event.charIndex))));
      }
    };
    utterance.onend = () => this.finished(id, text);
    utterance.onerror = (event) => {
      if (event.error !== 'interrupted' && event.error !== 'canceled') {
        this.finished(id, text);
      }
    };
    speechSynthesis.speak(utterance);
    // Some browsers never start speaking without a user gesture: captions then carry the words instead.
    this.current?.timers.push(window.setTimeout(() => {
      if (!started && this.current?.id === id) {
        speechSynthesis.cancel();
        this.speakWithCaptions(id, text);
      }
    }, 1500));
  }

  private speakWithCaptions(id: string, text: string): void {
    const words = text.split(/\s+/).filter(Boolean);
    this.started(id);
    let at = 0;
    words.forEach((word, i) => {
      this.current?.timers.push(window.setTimeout(() => this.caption(id, words.slice(0, i + 1).join(' ')), at));
      at += Math.max(220, 55 * word.length + 110) + (/[.!?…]$/.test(word) ? 250 : 0);
    });
    this.current?.timers.push(window.setTimeout(() => this.finished(id, text), at));
  }

  private started(id: string): void {
    this.setAttribute('speaking', '');
    this.report({ type: 'speaking-started', utterance: id });
  }

  private caption(id: string, spoken: string): void {
    if (this.current?.id === id) {
      this.current.spoken = spoken;
      this.report({ type: 'caption', utterance: id, text: spoken });
    }
  }

  private finished(id: string, text: string): void {
    if (this.current?.id !== id) {
      return;
    }
    this.clearTimers();
    this.current = undefined;
    this.removeAttribute('speaking');
    this.report({ type: 'speaking-ended', utterance: id, text, interrupted: false });
    const next = this.queue.shift();
    if (next) {
      this.speak(next.id, next.text, next.languageTag);
    } else {
      this.relaxSoon();
    }
  }

  /** An expression fades back to neutral a moment after the avatar stops speaking. */
  private relaxSoon(): void {
    window.clearTimeout(this.relax);
    this.relax = window.setTimeout(() => {
      if (!this.current) {
        this.target = EXPRESSIONS.neutral;
      }
    }, 2500);
  }

  private stopSpeaking(report: boolean): void {
    const current = this.current;
    if (!current) {
      return;
    }
    this.clearTimers();
    this.current = undefined;
    if ('speechSynthesis' in window) {
      speechSynthesis.cancel();
    }
    this.removeAttribute('speaking');
    if (report) {
      this.report({ type: 'speaking-ended', utterance: current.id, text: current.spoken, interrupted: true });
    }
  }

  private clearTimers(): void {
    this.current?.timers.forEach((timer) => window.clearTimeout(timer));
  }

  private report(detail: Record<string, unknown>): void {
    this.dispatchEvent(new CustomEvent('stage-event', { detail }));
  }

  private applyLook(): void {
    const look = LOOKS[this.getAttribute('look') ?? ''] ?? LOOKS.ava;
    this.style.setProperty('--skin', look.skin);
    this.style.setProperty('--hair', look.hair);
    this.style.setProperty('--from', look.from);
    this.style.setProperty('--to', look.to);
    const back = look.longHair
      ? 'M58 96 C54 48 146 48 142 96 L148 150 Q100 168 52 150 Z'
      : 'M62 92 C60 52 140 52 138 92 Z';
    const front = look.longHair
      ? 'M61 94 C54 36 146 36 139 90 C130 72 108 62 86 70 C74 76 66 84 61 94 Z'
      : 'M63 88 C58 40 142 40 137 86 C126 68 106 62 86 68 C76 72 68 80 63 88 Z';
    this.root.querySelector('.hair-back')!.setAttribute('d', back);
    this.root.querySelector('.hair-front')!.setAttribute('d', front);
  }

  private draw(t: number): void {
    // Still for people who asked their device for less motion, and in a call whose operator turned animations off.
    const still = (REDUCED_MOTION?.matches ?? false) || this.closest('.brand-still') !== null;
    const e = this.expression;
    for (const key of Object.keys(e) as (keyof Expression)[]) {
      e[key] += (this.target[key] - e[key]) * 0.12;
    }
    const speaking = this.current !== undefined;
    const syllable = speaking ? 0.25 + 0.75 * Math.abs(Math.sin(t * 10.5) * Math.sin(t * 3.7 + 1)) : 0;
    this.open += (Math.max(syllable, e.jaw) - this.open) * 0.4;

    const breath = still ? 0 : Math.sin(t * 1.6) * 1.2;
    const sway = still ? 0 : Math.sin(t * 0.55) * 2 + (speaking ? Math.sin(t * 2.3) * 1.2 : 0);
    this.head.setAttribute('transform', `translate(0 ${breath.toFixed(2)}) rotate(${sway.toFixed(2)} 100 140)`);

    if (t > this.nextBlink + 0.14) {
      this.nextBlink = t + 2 + Math.random() * 3.5;
    }
    const blink = t > this.nextBlink ? 0.1 : 1;
    this.eyes.forEach((eye, i) => {
      const cx = i === 0 ? 85 : 115;
      eye.setAttribute('transform', `translate(0 96) scale(1 ${(e.eye * blink).toFixed(3)}) translate(0 -96)`);
      this.pupils[i].setAttribute('cx', (cx + e.gazeX).toFixed(2));
      this.pupils[i].setAttribute('cy', (96 + e.gazeY).toFixed(2));
    });

    const by = 84 - e.brow * 5;
    const [l, r] = this.brows;
    l.setAttribute('d', `M76 ${by + e.browTilt * 1.5} Q84 ${by - 3} 92 ${by - e.browTilt * 2.5}`);
    r.setAttribute('d', `M108 ${by - e.browTilt * 2.5} Q116 ${by - 3} 124 ${by + e.browTilt * 1.5}`);

    const y = 122;
    const corner = y - e.smile * 3.5;
    const width = 13 - this.open * 3;
    const top = y + e.smile * 2 - this.open * 3;
    const bottom = y + e.smile * 6 + this.open * 13 + 1;
    this.mouth.setAttribute('d',
      `M${100 - width} ${corner} Q100 ${top} ${100 + width} ${corner} Q100 ${bottom} ${100 - width} ${corner} Z`);
  }
}

function voiceFor(languageTag: string): SpeechSynthesisVoice | undefined {
  if (!('speechSynthesis' in window)) {
    return undefined;
  }
  const language = languageTag.toLowerCase().split('-')[0];
  return speechSynthesis.getVoices().find((voice) => voice.lang.toLowerCase().replace('_', '-').startsWith(language));
}

function wordLength(text: string, from: number): number {
  const match = /^\S+/.exec(text.slice(from));
  return match ? match[0].length : 0;
}

// Voices load asynchronously in Chromium: ask early so they are known by the first speak().
if ('speechSynthesis' in window) {
  speechSynthesis.getVoices();
}

customElements.define('avatar-stage', AvatarStage);
