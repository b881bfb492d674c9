import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for Web Audio that counts the notes a tone plays and the oscillator types it uses. */
class FakeAudioContext {
  static made = 0;
  state = 'running';
  currentTime = 0;
  destination = {};
  oscillators: string[] = [];
  gains: number[] = [];
  constructor() {
    FakeAudioContext.made++;
  }
  createGain() {
    const gains = this.gains;
    return {
      gain: { setValueAtTime() {}, exponentialRampToValueAtTime(value: number) { gains.push(value); } },
      connect() {},
    };
  }
  createOscillator() {
    const oscillators = this.oscillators;
    const oscillator = {
      frequency: { value: 0 }, detune: { value: 0 }, connect() {}, start() {}, stop() {},
      set type(value: string) { oscillators.push(value); },
    };
    return oscillator;
  }
  resume() { return Promise.resolve(); }
  suspend() { return Promise.resolve(); }
  close() { return Promise.resolve(); }
}

let contexts: FakeAudioContext[] = [];

beforeEach(async () => {
  vi.useFakeTimers();
  contexts = [];
  FakeAudioContext.made = 0;
  (window as unknown as { AudioContext: unknown }).AudioContext = class extends FakeAudioContext {
    constructor() {
      super();
      contexts.push(this);
    }
  };
  await import('../../../frontend/ring-tone');
});

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

function ring(attributes: Record<string, string>): HTMLElement {
  const element = document.createElement('ring-tone');
  Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, value));
  document.body.append(element);
  vi.advanceTimersByTime(60);
  return element;
}

describe('ring-tone', () => {
  it('plays the classic arpeggio when no tone is chosen, at the gain it is given', () => {
    ring({ volume: '0.4' });
    expect(contexts).toHaveLength(1);
    expect(contexts[0].oscillators).toEqual(Array(6).fill(['sine', 'triangle']).flat());
    expect(contexts[0].gains.filter((gain) => gain === 0.4)).toHaveLength(6);
  });

  it('plays the operator\'s tone', async () => {
    const { TONES } = await import('../../../frontend/ring-tone');
    ring({ tone: 'digital', volume: '0.25' });
    expect(contexts[0].oscillators).toEqual(Array(TONES.digital.notes.length).fill('square'));
  });

  it('stays silent when told to: no audio at all, and no hint to tap for sound', () => {
    const element = ring({ tone: 'silent', 'tap-hint': 'Tap for sound' });
    expect(contexts).toHaveLength(0);
    expect(element.textContent).toBe('');
  });
});
