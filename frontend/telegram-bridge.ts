/**
 * <telegram-bridge>: the app inside Telegram. Outside Telegram (no launch parameters) it does nothing and loads
 * nothing.
 *
 * Inside, at once and without waiting for any script: it reads the launch parameters from the URL fragment (or, after
 * a reload, from session storage, where Telegram's own script keeps them too), paints Telegram's theme into the
 * `--tg-theme-*` variables our styles map onto, and hands the raw initData to the server (`telegram-launch` event;
 * the server validates it, this page never trusts it). Then it loads Telegram's script, and when that is there:
 * ready, expand, full screen on phones, orientation lock, header and bottom-bar colours, live theme changes, sound
 * paused while the app is minimized, and for the screen the server names in `call-state`: the native buttons, the
 * Back button, closing confirmation, swipes and haptics. A native button comes back as a `telegram-action` event.
 * When the script cannot load, the page works on with its own buttons.
 */

type ThemeParams = Record<string, string>;

export interface LaunchParams {
  initData: string;
  version: string;
  platform: string;
  themeParams: ThemeParams;
  startParam: string;
}

interface BottomButton {
  setParams(params: Record<string, unknown>): BottomButton;
  showProgress(leaveActive?: boolean): BottomButton;
  hideProgress(): BottomButton;
  onClick(callback: () => void): BottomButton;
}

interface WebApp {
  version: string;
  platform: string;
  themeParams: ThemeParams;
  isVersionAtLeast(version: string): boolean;
  ready(): void;
  expand(): void;
  close(): void;
  requestFullscreen?(): void;
  lockOrientation?(): void;
  enableClosingConfirmation?(): void;
  disableClosingConfirmation?(): void;
  enableVerticalSwipes?(): void;
  disableVerticalSwipes?(): void;
  setHeaderColor?(color: string): void;
  setBackgroundColor?(color: string): void;
  setBottomBarColor?(color: string): void;
  showConfirm?(message: string, callback: (confirmed: boolean) => void): void;
  hideKeyboard?(): void;
  onEvent(type: string, callback: () => void): void;
  MainButton: BottomButton;
  SecondaryButton?: BottomButton;
  BackButton?: { show(): void; hide(): void; onClick(callback: () => void): void };
  HapticFeedback?: { impactOccurred(style: string): void; notificationOccurred(type: string): void };
}

declare global {
  interface Window {
    Telegram?: { WebApp?: WebApp };
  }
}

export const SCRIPT = 'https://telegram.org/js/telegram-web-app.js';
const STORED_PARAMS = '__telegram__initParams';
const STORED_THEME = '__telegram__themeParams';
const PHONES = ['android', 'android_x', 'ios'];
const ACCEPT = '#22c55e';
const HANG_UP = '#ef4444';
const WHITE = '#ffffff';
const RING_EVERY_MS = 3000;
/** Our own colours where Telegram gives none (the page's defaults in styles.css). */
const OWN_BACKGROUND = '#0f172a';
const OWN_ACCENT = '#6366f1';

/** Haptics as a screen comes up: an answered call buzzes success, a declined or missed one a warning, and so on. */
const ENTRY_HAPTICS: Record<string, ['impact' | 'notification', string]> = {
  connecting: ['notification', 'success'],
  declined: ['notification', 'warning'],
  missed: ['notification', 'warning'],
  ended: ['impact', 'rigid'],
  failed: ['notification', 'error'],
  refused: ['notification', 'error'],
};
/** While these screens are up, a swipe must not close the app and closing asks first. */
const GUARDED = ['connecting', 'active'];
/** The buttons' words, in the person's language (which can change while the phone rings). */
const LABELS = ['accept', 'decline', 'cancel', 'connecting', 'end', 'end-confirm'].map((label) => `${label}-text`);

/** The launch parameters Telegram put in the fragment, else those a reload kept; none outside Telegram. */
export function readLaunchParams(hash: string, storage?: Storage): LaunchParams | undefined {
  const params = parseFragment(hash);
  const stored = readJson(storage, STORED_PARAMS);
  for (const [key, value] of Object.entries(stored)) {
    if (params[key] === undefined && typeof value === 'string') {
      params[key] = value;
    }
  }
  if (params.tgWebAppData === undefined && params.tgWebAppVersion === undefined && params.tgWebAppPlatform === undefined) {
    return undefined;
  }
  try {
    storage?.setItem(STORED_PARAMS, JSON.stringify(params)); // as Telegram's script keeps them: a reload finds them
  } catch {
    // storage full or forbidden: a reload then finds nothing, which is what happens without Telegram's script too
  }
  let theme: ThemeParams = {};
  try {
    theme = JSON.parse(params.tgWebAppThemeParams ?? '{}') ?? {};
  } catch {
    // a theme that is not JSON: our own colours
  }
  return {
    initData: params.tgWebAppData ?? '',
    version: params.tgWebAppVersion ?? '6.0',
    platform: params.tgWebAppPlatform ?? 'unknown',
    themeParams: { ...theme, ...(readJson(storage, STORED_THEME) as ThemeParams) },
    startParam: params.tgWebAppStartParam ?? '',
  };
}

function parseFragment(hash: string): Record<string, string> {
  const params: Record<string, string> = {};
  const query = hash.replace(/^#/, '').replace(/^[^?=&]*\?/, '');
  for (const pair of query.split('&')) {
    const at = pair.indexOf('=');
    if (at > 0) {
      params[decode(pair.slice(0, at))] = decode(pair.slice(at + 1));
    }
  }
  return params;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, '%20'));
  } catch {
    return text;
  }
}

function readJson(storage: Storage | undefined, key: string): Record<string, unknown> {
  try {
    const value = JSON.parse(storage?.getItem(key) ?? 'null');
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

/** Sets `--tg-theme-<key>` for every well-formed colour (the fragment is anybody's to write: nothing else gets in). */
export function applyTheme(theme: ThemeParams, root: HTMLElement = document.documentElement): void {
  for (const [key, value] of Object.entries(theme)) {
    const colour = hex(value);
    if (/^[a-z_]{1,40}$/.test(key) && colour) {
      root.style.setProperty(`--tg-theme-${key.replace(/_/g, '-')}`, colour);
    }
  }
  const background = hex(theme.bg_color);
  if (background) {
    const scheme = isDark(background) ? 'dark' : 'light';
    root.style.colorScheme = scheme;
    root.dataset.scheme = scheme; // styles.css: a light theme needs a more opaque glass over the avatar
  }
}

function hex(value: unknown): string | undefined {
  return typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value) ? value.toLowerCase() : undefined;
}

function isDark(colour: string): boolean {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(colour.slice(at, at + 2), 16));
  return Math.sqrt(0.299 * r * r + 0.587 * g * g + 0.114 * b * b) < 120; // Telegram's own measure
}

/** `share` of `top` over `bottom`, as CSS `color-mix(in srgb, top share, bottom)` does. */
function mix(top: string, bottom: string, share: number): string {
  const channel = (colour: string, at: number) => parseInt(colour.slice(at, at + 2), 16);
  return '#' + [1, 3, 5].map((at) => Math.round(channel(top, at) * share + channel(bottom, at) * (1 - share))
    .toString(16).padStart(2, '0')).join('');
}

let launch: LaunchParams | undefined;
let webApp: Promise<WebApp> | undefined;

/** Reads the launch parameters and, in Telegram, paints the theme and starts loading Telegram's script. */
export function boot(hash = location.hash, storage: Storage | undefined = sessionStorageOrNothing()): void {
  launch = readLaunchParams(hash, storage);
  webApp = undefined;
  if (launch) {
    applyTheme(launch.themeParams);
    webApp = loadTelegram();
    webApp.then(setUp, () => undefined); // without Telegram's script the page works on with its own buttons
  }
}

function sessionStorageOrNothing(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // storage forbidden (a sandboxed frame)
  }
}

/**
 * Loads Telegram's script once the page has loaded, never before: a script still loading holds the window's `load`
 * event back, and Vaadin's client reloads the page on a `pageshow` that comes after it has started (it takes that for
 * a page restored from the back-forward cache), so a slow telegram.org would reload the Mini App over and over.
 */
function loadTelegram(): Promise<WebApp> {
  return new Promise((resolve, reject) => {
    const load = () => {
      const script = document.createElement('script');
      script.src = SCRIPT;
      script.async = true;
      script.onload = () => (window.Telegram?.WebApp ? resolve(window.Telegram.WebApp) : reject(new Error('no WebApp')));
      script.onerror = () => reject(new Error(`${SCRIPT} did not load`));
      document.head.append(script);
    };
    if (document.readyState === 'complete') {
      load();
    } else {
      window.addEventListener('load', load, { once: true });
    }
  });
}

/** What the app asks of Telegram once, as soon as its script is there. */
function setUp(app: WebApp): void {
  app.ready();
  app.expand();
  if (app.isVersionAtLeast('8.0')) {
    if (PHONES.includes(app.platform)) {
      app.requestFullscreen?.();
    }
    app.lockOrientation?.();
  }
  paint(app);
  app.onEvent('themeChanged', () => {
    applyTheme(app.themeParams ?? {});
    try {
      sessionStorage.setItem(STORED_THEME, JSON.stringify(app.themeParams ?? {}));
    } catch {
      // a reload then paints the launch theme until Telegram's script sends the new one
    }
    paint(app);
  });
}

/** Telegram's header, background and bottom bar in the call's colours, so the app looks all of a piece. */
function paint(app: WebApp): void {
  const background = hex(app.themeParams?.bg_color) ?? OWN_BACKGROUND;
  const accent = hex(app.themeParams?.button_color) ?? OWN_ACCENT;
  if (app.isVersionAtLeast('6.1')) {
    // The top of the page is the accent over the background (--call-bg-to in styles.css); hex colours need 6.9.
    app.setHeaderColor?.(app.isVersionAtLeast('6.9') ? mix(accent, background, 0.45) : 'bg_color');
    app.setBackgroundColor?.(background);
  }
  if (app.isVersionAtLeast('7.10')) {
    app.setBottomBarColor?.(background);
  }
}

export class TelegramBridge extends HTMLElement {
  static observedAttributes = ['call-state', 'verdict-required', ...LABELS];

  private app?: WebApp;
  private state = '';
  private reported = false;
  private ringing?: number;
  /** The buzz of a screen that came up before Telegram's script was there: played as soon as it is. */
  private pending?: ['impact' | 'notification', string];
  private active = true;
  private readonly muted: HTMLMediaElement[] = [];

  connectedCallback(): void {
    this.report();
    void webApp?.then((app) => this.attach(app), () => undefined);
  }

  disconnectedCallback(): void {
    this.stopRinging();
  }

  attributeChangedCallback(name: string): void {
    if (name === 'verdict-required') {
      this.report();
    } else if (name === 'call-state') {
      this.enter(this.getAttribute('call-state') ?? '');
    } else {
      this.render();
    }
  }

  /** Closes the Mini App (the person asked to, after the call). */
  close(): void {
    this.app?.close();
  }

  /** Tells the server who opened the page: the raw initData in Telegram; outside, an empty one when asked for. */
  private report(): void {
    if (this.reported || !this.isConnected || (!launch && !this.hasAttribute('verdict-required'))) {
      return;
    }
    this.reported = true;
    const initData = launch?.initData ?? '';
    // After Flow has bound its listeners to this element, which happens once the element is in the page.
    setTimeout(() => this.dispatchEvent(new CustomEvent('telegram-launch', { detail: { initData } })));
  }

  private attach(app: WebApp): void {
    if (this.app) {
      return;
    }
    this.app = app;
    app.MainButton.onClick(() => this.mainPressed());
    app.SecondaryButton?.onClick(() => this.secondaryPressed());
    if (app.isVersionAtLeast('6.1')) {
      app.BackButton?.onClick(() => this.backPressed());
    }
    if (app.isVersionAtLeast('8.0')) {
      app.onEvent('deactivated', () => this.pause());
      app.onEvent('activated', () => this.resume());
    }
    if (this.pending) {
      this.buzz(...this.pending);
      this.pending = undefined;
    }
    this.render();
  }

  private enter(state: string): void {
    const previous = this.state;
    if (state === previous) {
      return;
    }
    this.state = state;
    // An avatar that was ready before the answer goes live at once: the page never sees "connecting".
    const haptic = state === 'active' && previous === 'ringing' ? ENTRY_HAPTICS.connecting : ENTRY_HAPTICS[state];
    this.pending = this.app ? undefined : haptic;
    if (haptic) {
      this.buzz(...haptic);
    }
    this.render();
  }

  /** The native controls that fit the screen that is up. */
  private render(): void {
    const app = this.app;
    if (!app) {
      return;
    }
    const text = (name: string) => this.getAttribute(`${name}-text`) ?? '';
    const state = this.state;
    show(app.MainButton, state === 'ringing' ? { text: text('accept'), color: ACCEPT, has_shine_effect: true }
      : state === 'connecting' ? { text: text('connecting'), color: ACCEPT, is_active: false }
        : state === 'active' ? { text: text('end'), color: HANG_UP } : undefined, state === 'connecting');
    if (app.SecondaryButton && app.isVersionAtLeast('7.10')) {
      show(app.SecondaryButton, state === 'ringing' ? { text: text('decline'), color: HANG_UP, position: 'left' }
        : state === 'connecting' ? { text: text('cancel'), color: HANG_UP, position: 'left' } : undefined, false);
    }
    if (app.BackButton && app.isVersionAtLeast('6.1')) {
      if (state === 'active') {
        app.BackButton.show();
      } else {
        app.BackButton.hide();
      }
    }
    const guarded = GUARDED.includes(state);
    if (app.isVersionAtLeast('6.2')) {
      if (guarded) {
        app.enableClosingConfirmation?.();
      } else {
        app.disableClosingConfirmation?.();
      }
    }
    if (app.isVersionAtLeast('7.7')) {
      if (guarded) {
        app.disableVerticalSwipes?.();
      } else {
        app.enableVerticalSwipes?.();
      }
    }
    if (state === 'ringing' && this.active) {
      this.startRinging();
    } else {
      this.stopRinging();
    }
  }

  private mainPressed(): void {
    if (this.state === 'ringing') {
      this.act('accept');
    } else if (this.state === 'active') {
      this.act('end');
    }
  }

  private secondaryPressed(): void {
    if (this.state === 'ringing') {
      this.act('decline');
    } else if (this.state === 'connecting') {
      this.act('cancel');
    }
  }

  /** Back closes the chat while the person is typing in it (the keyboard goes), else it offers to end the call. */
  private backPressed(): void {
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && focused.closest('.chat')) {
      focused.blur();
      if (this.app?.isVersionAtLeast('9.1')) {
        this.app.hideKeyboard?.();
      }
      return;
    }
    if (this.state !== 'active') {
      return;
    }
    const question = this.getAttribute('end-confirm-text') ?? '';
    if (this.app?.showConfirm && this.app.isVersionAtLeast('6.2')) {
      this.app.showConfirm(question, (confirmed) => {
        if (confirmed && this.state === 'active') {
          this.act('end');
        }
      });
    } else {
      this.act('end');
    }
  }

  private act(action: string): void {
    this.dispatchEvent(new CustomEvent('telegram-action', { detail: { action } }));
  }

  private buzz(kind: 'impact' | 'notification', style: string): void {
    const haptics = this.app?.isVersionAtLeast('6.1') ? this.app.HapticFeedback : undefined;
    if (kind === 'impact') {
      haptics?.impactOccurred(style);
    } else {
      haptics?.notificationOccurred(style);
    }
  }

  /** A phone ringing in the hand: two heavy taps every ring, in time with the ring tone. */
  private startRinging(): void {
    if (this.ringing !== undefined) {
      return;
    }
    const ring = () => {
      this.buzz('impact', 'heavy');
      window.setTimeout(() => this.ringing !== undefined && this.buzz('impact', 'heavy'), 350);
    };
    ring();
    this.ringing = window.setInterval(ring, RING_EVERY_MS);
  }

  private stopRinging(): void {
    window.clearInterval(this.ringing);
    this.ringing = undefined;
  }

  /** The app was minimized: no sound and no buzz from it until it is back. */
  private pause(): void {
    this.active = false;
    this.stopRinging();
    for (const media of mediaElements(document)) {
      if (!media.muted) {
        media.muted = true;
        this.muted.push(media);
      }
    }
    document.querySelectorAll('ring-tone').forEach((tone) => tone.setAttribute('muted', ''));
    if ('speechSynthesis' in window) {
      speechSynthesis.pause();
    }
  }

  private resume(): void {
    this.active = true;
    this.muted.splice(0).forEach((media) => {
      media.muted = false;
    });
    document.querySelectorAll('ring-tone').forEach((tone) => tone.removeAttribute('muted'));
    if ('speechSynthesis' in window) {
      speechSynthesis.resume();
    }
    this.render();
  }
}

function show(button: BottomButton, params: Record<string, unknown> | undefined, progress: boolean): void {
  if (!params) {
    button.hideProgress();
    button.setParams({ is_visible: false });
    return;
  }
  button.setParams({ text_color: WHITE, is_active: true, has_shine_effect: false, ...params, is_visible: true });
  if (progress) {
    button.showProgress(false);
  } else {
    button.hideProgress();
  }
}

/** Every audio and video element, those inside components' shadow roots too (the avatar's video is there). */
function mediaElements(root: Document | ShadowRoot): HTMLMediaElement[] {
  const found: HTMLMediaElement[] = [...root.querySelectorAll<HTMLMediaElement>('audio, video')];
  root.querySelectorAll('*').forEach((element) => {
    if (element.shadowRoot) {
      found.push(...mediaElements(element.shadowRoot));
    }
  });
  return found;
}

boot();
customElements.define('telegram-bridge', TelegramBridge);
