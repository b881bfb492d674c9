import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * A stand-in for Telegram's `window.Telegram.WebApp`, keeping the shape of the real one (telegram-web-app.js):
 * records what the bridge asks of it, and lets a test play Telegram (button taps, events, the theme).
 */
class StubButton {
  params: Record<string, unknown> = {};
  progress = false;
  clicks: (() => void)[] = [];
  setParams(params: Record<string, unknown>) {
    this.params = { ...this.params, ...params };
    return this;
  }
  showProgress() {
    this.progress = true;
    return this;
  }
  hideProgress() {
    this.progress = false;
    return this;
  }
  onClick(callback: () => void) {
    this.clicks.push(callback);
    return this;
  }
  click() {
    this.clicks.forEach((callback) => callback());
  }
  get visible() {
    return this.params.is_visible === true;
  }
}

function stubWebApp(version = '9.6', platform = 'android') {
  const calls: string[] = [];
  const events = new Map<string, (() => void)[]>();
  const record = (name: string) => (...args: unknown[]) => {
    calls.push(args.length ? `${name}(${args.join(',')})` : name);
  };
  const back = { visible: false, clicks: [] as (() => void)[] };
  const app = {
    version,
    platform,
    themeParams: { bg_color: '#17212b', button_color: '#5288c1', text_color: '#f5f5f5' } as Record<string, string>,
    isVersionAtLeast: (wanted: string) => compare(version, wanted) >= 0,
    ready: record('ready'),
    expand: record('expand'),
    close: record('close'),
    requestFullscreen: record('requestFullscreen'),
    lockOrientation: record('lockOrientation'),
    enableClosingConfirmation: record('enableClosingConfirmation'),
    disableClosingConfirmation: record('disableClosingConfirmation'),
    enableVerticalSwipes: record('enableVerticalSwipes'),
    disableVerticalSwipes: record('disableVerticalSwipes'),
    setHeaderColor: record('setHeaderColor'),
    setBackgroundColor: record('setBackgroundColor'),
    setBottomBarColor: record('setBottomBarColor'),
    hideKeyboard: record('hideKeyboard'),
    confirmWith: true,
    showConfirm(message: string, callback: (ok: boolean) => void) {
      calls.push(`showConfirm(${message})`);
      callback(this.confirmWith);
    },
    onEvent(type: string, callback: () => void) {
      events.set(type, [...(events.get(type) ?? []), callback]);
    },
    emit(type: string) {
      (events.get(type) ?? []).forEach((callback) => callback());
    },
    MainButton: new StubButton(),
    SecondaryButton: new StubButton(),
    BackButton: {
      show: () => { back.visible = true; },
      hide: () => { back.visible = false; },
      onClick: (callback: () => void) => back.clicks.push(callback),
    },
    back,
    HapticFeedback: { impactOccurred: record('impact'), notificationOccurred: record('notification') },
    calls,
  };
  return app;
}
type Stub = ReturnType<typeof stubWebApp>;

function compare(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  }
  return 0;
}

const INIT_DATA = 'query_id=AAH&user=%7B%22id%22%3A279058397%2C%22first_name%22%3A%22%D0%90%D0%BD%D1%8F%22%7D'
  + '&auth_date=1764064800&hash=5a1f';
const THEME = { bg_color: '#ffffff', text_color: '#000000', button_color: '#2481cc', hint_color: '#999999' };

function fragment(params: Record<string, string>): string {
  return '#' + Object.entries(params).map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
}

const TELEGRAM = fragment({
  tgWebAppData: INIT_DATA, tgWebAppVersion: '9.6', tgWebAppPlatform: 'android',
  tgWebAppThemeParams: JSON.stringify(THEME), tgWebAppStartParam: 'max',
});

const happyDom = (window as unknown as { happyDOM: { settings: Record<string, unknown> } }).happyDOM;
const bridgeModule = await import('../../../frontend/telegram-bridge');
const { boot, readLaunchParams, applyTheme, SCRIPT } = bridgeModule;

let stub: Stub;
const launches: string[] = [];
const actions: string[] = [];

/** Boots the bridge as a page opened with this fragment would, then puts the element in the page. */
async function open(hash: string, state = 'ringing', attributes: Record<string, string> = {}) {
  boot(hash, sessionStorage);
  const bridge = document.createElement('telegram-bridge') as HTMLElement & { close(): void };
  for (const [name, value] of Object.entries({
    'accept-text': 'Принять', 'decline-text': 'Отклонить', 'cancel-text': 'Отмена', 'connecting-text': 'Соединение…',
    'end-text': 'Завершить', 'end-confirm-text': 'Завершить звонок?', ...attributes,
  })) {
    bridge.setAttribute(name, value);
  }
  bridge.setAttribute('call-state', state);
  bridge.addEventListener('telegram-launch', (event) => launches.push((event as CustomEvent).detail.initData));
  bridge.addEventListener('telegram-action', (event) => actions.push((event as CustomEvent).detail.action));
  document.body.append(bridge);
  await vi.advanceTimersByTimeAsync(0);
  return bridge;
}

function telegramScripts() {
  return [...document.querySelectorAll('script')].filter((script) => script.src.includes('telegram-web-app'));
}

beforeEach(() => {
  vi.useFakeTimers();
  happyDom.settings.handleDisabledFileLoadingAsSuccess = true; // "loads" Telegram's script: the stub is the script
  stub = stubWebApp();
  window.Telegram = { WebApp: stub as never };
  sessionStorage.clear();
  document.documentElement.removeAttribute('style');
  document.documentElement.removeAttribute('data-scheme');
  document.head.querySelectorAll('script').forEach((script) => script.remove());
  document.body.innerHTML = '';
  launches.length = 0;
  actions.length = 0;
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('launch parameters', () => {
  it('are read from the fragment: raw initData exactly as Telegram encoded it, version, platform, theme, start', () => {
    const launch = readLaunchParams(TELEGRAM, sessionStorage);

    expect(launch).toEqual({
      initData: INIT_DATA, version: '9.6', platform: 'android', themeParams: THEME, startParam: 'max',
    });
  });

  it('survive a reload from session storage, the way Telegram keeps them', () => {
    readLaunchParams(TELEGRAM, sessionStorage);

    const reloaded = readLaunchParams('', sessionStorage);

    expect(reloaded?.initData).toBe(INIT_DATA);
    expect(reloaded?.themeParams).toEqual(THEME);
    expect(JSON.parse(sessionStorage.getItem('__telegram__initParams')!).tgWebAppData).toBe(INIT_DATA);
  });

  it('take a theme changed since the launch over the launch theme on a reload', () => {
    sessionStorage.setItem('__telegram__themeParams', JSON.stringify({ bg_color: '#17212b' }));

    expect(readLaunchParams(TELEGRAM, sessionStorage)?.themeParams.bg_color).toBe('#17212b');
  });

  it('are none outside Telegram, and an odd fragment is not taken for Telegram', () => {
    expect(readLaunchParams('', sessionStorage)).toBeUndefined();
    expect(readLaunchParams('#/some/route', sessionStorage)).toBeUndefined();
    expect(readLaunchParams('#%E0%A4%A', sessionStorage)).toBeUndefined();
  });

  it('with a theme that is not JSON keep our own colours', () => {
    const launch = readLaunchParams('#tgWebAppData=a%3D1&tgWebAppThemeParams=%7Bnot-json', sessionStorage);

    expect(launch?.themeParams).toEqual({});
  });
});

describe('outside Telegram', () => {
  it('loads nothing and tells the server nothing', async () => {
    await open('');

    expect(telegramScripts()).toHaveLength(0);
    expect(launches).toEqual([]);
    expect(stub.calls).toEqual([]);
    expect(document.documentElement.style.getPropertyValue('--tg-theme-bg-color')).toBe('');
  });

  it('reports that nobody is known when the server waits for a verdict', async () => {
    await open('', 'checking', { 'verdict-required': '' });

    expect(launches).toEqual(['']);
    expect(telegramScripts()).toHaveLength(0);
  });
});

describe('inside Telegram', () => {
  it('sends the raw initData to the server once, and loads Telegram script asynchronously', async () => {
    await open(TELEGRAM);

    expect(launches).toEqual([INIT_DATA]);
    expect(telegramScripts()).toHaveLength(1);
    expect(telegramScripts()[0].src).toBe(SCRIPT);
    expect(telegramScripts()[0].async).toBe(true);
  });

  it('loads Telegram script only once the page has loaded (a late load event makes Vaadin reload the page)', async () => {
    Object.defineProperty(document, 'readyState', { value: 'interactive', configurable: true });
    try {
      await open(TELEGRAM);
      expect(launches).toEqual([INIT_DATA]); // the server hears at once
      expect(telegramScripts()).toHaveLength(0);

      window.dispatchEvent(new Event('load'));

      expect(telegramScripts()).toHaveLength(1);
    } finally {
      delete (document as unknown as { readyState?: string }).readyState;
    }
    await vi.advanceTimersByTimeAsync(0);
    expect(stub.calls).toContain('ready');
  });

  it('paints the theme into the --tg-theme variables at once, and only well-formed colours', () => {
    applyTheme({ bg_color: '#FFFFFF', text_color: 'url(https://evil.example/x)', 'bad-key': '#000000' });

    const root = document.documentElement.style;
    expect(root.getPropertyValue('--tg-theme-bg-color')).toBe('#ffffff');
    expect(root.getPropertyValue('--tg-theme-text-color')).toBe('');
    expect(root.getPropertyValue('--tg-theme-bad-key')).toBe('');
    expect(root.colorScheme).toBe('light');
    expect(document.documentElement.dataset.scheme).toBe('light');
  });

  it('is ready, expanded, full screen and locked on a phone, with header and bars in the call colours', async () => {
    await open(TELEGRAM);

    // The header is the top of the page: the button colour 45% over the background (#5288c1 over #17212b).
    expect(stub.calls).toEqual(expect.arrayContaining(['ready', 'expand', 'requestFullscreen', 'lockOrientation',
      'setHeaderColor(#324f6f)', 'setBackgroundColor(#17212b)', 'setBottomBarColor(#17212b)']));
    expect(stub.calls.indexOf('ready')).toBe(0);
  });

  it('stays windowed on a desktop and on clients older than full screen', async () => {
    stub = stubWebApp('7.10', 'tdesktop');
    window.Telegram = { WebApp: stub as never };
    await open(TELEGRAM);

    expect(stub.calls).toContain('ready');
    expect(stub.calls).not.toContain('requestFullscreen');
    expect(stub.calls).not.toContain('lockOrientation');
  });

  it('follows a live theme change', async () => {
    await open(TELEGRAM);
    stub.themeParams = { bg_color: '#ffffff', button_color: '#2481cc' };

    stub.emit('themeChanged');

    expect(document.documentElement.style.getPropertyValue('--tg-theme-bg-color')).toBe('#ffffff');
    expect(document.documentElement.style.colorScheme).toBe('light');
    expect(stub.calls).toContain('setBackgroundColor(#ffffff)');
    expect(JSON.parse(sessionStorage.getItem('__telegram__themeParams')!).bg_color).toBe('#ffffff');
  });

  it('keeps the page working when Telegram script cannot load', async () => {
    window.Telegram = undefined; // what came back was not Telegram's script (a proxy's error page, a block)
    const bridge = await open(TELEGRAM);

    expect(launches).toEqual([INIT_DATA]);
    bridge.setAttribute('call-state', 'active');
    expect(() => bridge.close()).not.toThrow();
    expect(stub.calls).toEqual([]);
  });
});

describe('native controls', () => {
  it('while ringing: a green Accept and a red Decline, no Back, and taps come back as actions', async () => {
    await open(TELEGRAM, 'ringing');

    expect(stub.MainButton.params).toMatchObject({ text: 'Принять', color: '#22c55e', is_visible: true, is_active: true });
    expect(stub.SecondaryButton.params).toMatchObject({ text: 'Отклонить', color: '#ef4444', is_visible: true });
    expect(stub.back.visible).toBe(false);
    stub.MainButton.click();
    stub.SecondaryButton.click();
    expect(actions).toEqual(['accept', 'decline']);
  });

  it('speak the language the server says now, also when it changes while the phone rings', async () => {
    const bridge = await open(TELEGRAM, 'ringing', { 'accept-text': 'Accept', 'decline-text': 'Decline' });
    expect(stub.MainButton.params.text).toBe('Accept');

    bridge.setAttribute('accept-text', 'Принять');
    bridge.setAttribute('decline-text', 'Отклонить');

    expect(stub.MainButton.params.text).toBe('Принять');
    expect(stub.SecondaryButton.params.text).toBe('Отклонить');
  });

  it('while connecting: progress on the main button, Cancel, and closing asks first', async () => {
    const bridge = await open(TELEGRAM, 'ringing');

    bridge.setAttribute('call-state', 'connecting');

    expect(stub.MainButton.progress).toBe(true);
    expect(stub.MainButton.params).toMatchObject({ is_active: false, is_visible: true });
    expect(stub.SecondaryButton.params).toMatchObject({ text: 'Отмена', is_visible: true });
    expect(stub.calls).toContain('enableClosingConfirmation');
    expect(stub.calls).toContain('disableVerticalSwipes');
    stub.MainButton.click();
    stub.SecondaryButton.click();
    expect(actions).toEqual(['cancel']);
  });

  it('in the call: End call, Back, no swipes away; after it nothing and closing is free again', async () => {
    const bridge = await open(TELEGRAM, 'active');
    expect(stub.MainButton.params).toMatchObject({ text: 'Завершить', color: '#ef4444', is_visible: true });
    expect(stub.MainButton.progress).toBe(false);
    expect(stub.SecondaryButton.visible).toBe(false);
    expect(stub.back.visible).toBe(true);
    stub.MainButton.click();
    expect(actions).toEqual(['end']);

    bridge.setAttribute('call-state', 'ended');

    expect(stub.MainButton.visible).toBe(false);
    expect(stub.SecondaryButton.visible).toBe(false);
    expect(stub.back.visible).toBe(false);
    expect(stub.calls.at(-1)).not.toBe('enableClosingConfirmation');
    expect(stub.calls).toContain('disableClosingConfirmation');
    expect(stub.calls).toContain('enableVerticalSwipes');
  });

  it('Back closes the chat while the person types in it, and otherwise ends the call only when confirmed', async () => {
    await open(TELEGRAM, 'active');
    const chat = document.createElement('div');
    chat.className = 'chat';
    const input = document.createElement('input');
    chat.append(input);
    document.body.append(chat);
    input.focus();

    stub.back.clicks.forEach((click) => click());
    expect(document.activeElement).not.toBe(input);
    expect(stub.calls).toContain('hideKeyboard');
    expect(actions).toEqual([]);

    stub.confirmWith = false;
    stub.back.clicks.forEach((click) => click());
    expect(stub.calls).toContain('showConfirm(Завершить звонок?)');
    expect(actions).toEqual([]);

    stub.confirmWith = true;
    stub.back.clicks.forEach((click) => click());
    expect(actions).toEqual(['end']);
  });

  it('closes the Mini App when the server asks', async () => {
    const bridge = await open(TELEGRAM, 'ended');

    bridge.close();

    expect(stub.calls).toContain('close');
  });
});

describe('haptics', () => {
  it('ring like a phone in the hand, every few seconds, until answered', async () => {
    const bridge = await open(TELEGRAM, 'ringing');
    await vi.advanceTimersByTimeAsync(3500);
    const rings = stub.calls.filter((call) => call === 'impact(heavy)').length;
    expect(rings).toBe(4);

    bridge.setAttribute('call-state', 'connecting');
    await vi.advanceTimersByTimeAsync(6000);

    expect(stub.calls.filter((call) => call === 'impact(heavy)').length).toBe(rings);
    expect(stub.calls).toContain('notification(success)');
  });

  it('buzz success on an answer that goes live at once, without a connecting screen in between', async () => {
    const bridge = await open(TELEGRAM, 'ringing');

    bridge.setAttribute('call-state', 'active');

    expect(stub.calls).toContain('notification(success)');
  });

  it('still buzz for a screen that came up before Telegram script was there', async () => {
    Object.defineProperty(document, 'readyState', { value: 'interactive', configurable: true });
    try {
      const bridge = await open(TELEGRAM, 'ringing');
      bridge.setAttribute('call-state', 'refused');
      window.dispatchEvent(new Event('load'));
    } finally {
      delete (document as unknown as { readyState?: string }).readyState;
    }
    await vi.advanceTimersByTimeAsync(0);

    expect(stub.calls).toContain('notification(error)');
  });

  it('say declined, missed, ended and failed calls and a refusal apart', async () => {
    const bridge = await open(TELEGRAM, 'ringing');
    for (const state of ['declined', 'missed', 'ended', 'failed', 'refused']) {
      bridge.setAttribute('call-state', state);
    }

    expect(stub.calls.filter((call) => call.startsWith('notification') || call === 'impact(rigid)')).toEqual([
      'notification(warning)', 'notification(warning)', 'impact(rigid)', 'notification(error)', 'notification(error)',
    ]);
  });
});

describe('minimized and back', () => {
  it('silences the call (media, the ring tone, speech, the ringing buzz) and restores it', async () => {
    await open(TELEGRAM, 'ringing');
    const audio = document.createElement('audio');
    const silentVideo = document.createElement('video');
    silentVideo.muted = true;
    const tone = document.createElement('ring-tone');
    const stage = document.createElement('div');
    const shadowVideo = document.createElement('video');
    stage.attachShadow({ mode: 'open' }).append(shadowVideo);
    document.body.append(audio, silentVideo, tone, stage);

    stub.emit('deactivated');
    const buzzes = stub.calls.length;
    await vi.advanceTimersByTimeAsync(6000);

    expect(audio.muted).toBe(true);
    expect(shadowVideo.muted).toBe(true);
    expect(tone.hasAttribute('muted')).toBe(true);
    expect(stub.calls.length).toBe(buzzes);

    stub.emit('activated');

    expect(audio.muted).toBe(false);
    expect(shadowVideo.muted).toBe(false);
    expect(silentVideo.muted).toBe(true); // muted by the page itself: stays so
    expect(tone.hasAttribute('muted')).toBe(false);
    expect(stub.calls.length).toBeGreaterThan(buzzes);
  });
});
