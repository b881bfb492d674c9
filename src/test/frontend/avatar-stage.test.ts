import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('livekit-client', () => ({}));

await import('../../../frontend/avatar-stage');

type Report = { type: string; utterance?: string; text?: string; interrupted?: boolean };

/** A demo stage with no speech voices (as in a test browser): it speaks with timed captions. */
function stage(): { element: HTMLElement & Record<string, (...args: string[]) => void>; reports: Report[] } {
  const element = document.createElement('avatar-stage') as HTMLElement & Record<string, (...args: string[]) => void>;
  const reports: Report[] = [];
  element.addEventListener('stage-event', (event) => reports.push((event as CustomEvent<Report>).detail));
  document.body.append(element);
  return { element, reports };
}

describe('avatar-stage (demo face)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('says sentences handed over while it speaks one after another, none cut off', () => {
    const { element, reports } = stage();
    element.speak('u1', 'Hello there.', 'en-US');
    element.speak('u2', 'How are you?', 'en-US');

    vi.runAllTimers();

    const turns = reports.filter((r) => r.type !== 'caption').map((r) => `${r.type} ${r.utterance}`);
    expect(turns).toEqual(['speaking-started u1', 'speaking-ended u1', 'speaking-started u2', 'speaking-ended u2']);
    expect(reports.some((r) => r.interrupted)).toBe(false);
  });

  it('an interrupt stops the sentence being said and drops those waiting', () => {
    const { element, reports } = stage();
    element.speak('u1', 'One two three four.', 'en-US');
    element.speak('u2', 'Never said.', 'en-US');
    vi.advanceTimersByTime(300);

    element.interrupt();
    vi.runAllTimers();

    expect(reports.filter((r) => r.type === 'speaking-ended')).toEqual([
      expect.objectContaining({ utterance: 'u1', interrupted: true }),
    ]);
    expect(reports.some((r) => r.utterance === 'u2')).toBe(false);
  });
});
