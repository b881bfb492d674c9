import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for livekit-client's Room: records what the stage asks of it and lets a test play the room. */
const rooms: FakeRoom[] = [];
class FakeRoom {
  handlers = new Map<string, (...args: unknown[]) => void>();
  remoteParticipants = new Map();
  canPlaybackAudio = true;
  published: { payload: string; options: unknown }[] = [];
  connectedWith?: [string, string];
  prepared?: [string, string];
  disconnected = false;
  failConnect = false;
  tracks: { track: FakeLocalAudioTrack; options: unknown }[] = [];
  disconnectStopsTracks?: boolean;
  localParticipant = {
    publishData: async (data: Uint8Array, options: unknown) => {
      this.published.push({ payload: new TextDecoder().decode(data), options });
    },
    publishTrack: async (track: FakeLocalAudioTrack, options: unknown) => {
      this.tracks.push({ track, options });
    },
  };
  constructor(public options: unknown) {
    rooms.push(this);
  }
  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, handler);
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    this.handlers.get(event)?.(...args);
  }
  async prepareConnection(url: string, token: string) {
    this.prepared = [url, token];
  }
  async connect(url: string, token: string) {
    if (this.failConnect) throw new Error('401 invalid token');
    this.connectedWith = [url, token];
  }
  async disconnect(stopTracks?: boolean) {
    this.disconnected = true;
    this.disconnectStopsTracks = stopTracks;
  }
  async startAudio() {
    this.canPlaybackAudio = true;
  }
}

/** livekit-client's LocalAudioTrack around a track the page already has. */
class FakeLocalAudioTrack {
  muted = false;
  constructor(public mediaStreamTrack: unknown, public constraints: unknown, public userProvided: boolean) {}
  async mute() {
    this.muted = true;
  }
  async unmute() {
    this.muted = false;
  }
}

vi.mock('livekit-client', () => ({
  Room: FakeRoom,
  LocalAudioTrack: FakeLocalAudioTrack,
  RoomEvent: {
    TrackSubscribed: 'trackSubscribed', TrackUnsubscribed: 'trackUnsubscribed', DataReceived: 'dataReceived',
    ActiveSpeakersChanged: 'activeSpeakersChanged', ConnectionQualityChanged: 'connectionQualityChanged',
    Reconnecting: 'reconnecting', Reconnected: 'reconnected', AudioPlaybackStatusChanged: 'audioPlaybackChanged',
    Disconnected: 'disconnected',
  },
  Track: { Kind: { Video: 'video', Audio: 'audio' }, Source: { Microphone: 'microphone' } },
  ConnectionQuality: { Excellent: 'excellent', Good: 'good', Poor: 'poor', Lost: 'lost' },
}));

const { LiveKitRoom } = await import('../../../frontend/livekit-room');

function track(kind: 'video' | 'audio') {
  return { kind, attach: vi.fn(), detach: vi.fn() };
}

const avatar = { identity: 'heygen', isLocal: false };
const agent = { identity: 'agent', isLocal: false };

describe('the avatar room', () => {
  let host: HTMLElement;
  let reports: Record<string, unknown>[];
  let stage: InstanceType<typeof LiveKitRoom>;
  let room: FakeRoom;

  beforeEach(() => {
    rooms.length = 0;
    host = document.createElement('div');
    reports = [];
    stage = new LiveKitRoom(host, 'heygen', (detail) => reports.push(detail), 'Tap for sound');
    room = rooms[0];
  });

  it('joins with adaptive stream and dynacast, preparing the connection first', async () => {
    await stage.join('wss://lk.example', 'client-token');

    expect(room.options).toEqual({ adaptiveStream: true, dynacast: true });
    expect(room.prepared).toEqual(['wss://lk.example', 'client-token']);
    expect(room.connectedWith).toEqual(['wss://lk.example', 'client-token']);
  });

  it('shows only the avatar participant, muted video playing inline, and is ready once video and audio arrive', async () => {
    await stage.join('wss://lk', 't');
    const agentVideo = track('video');
    room.emit('trackSubscribed', agentVideo, {}, agent);
    const video = track('video');
    const audio = track('audio');
    room.emit('trackSubscribed', video, {}, avatar);
    expect(reports).toEqual([]);
    room.emit('trackSubscribed', audio, {}, avatar);

    expect(agentVideo.attach).not.toHaveBeenCalled();
    const videoElement = host.querySelector('video')!;
    expect(video.attach).toHaveBeenCalledWith(videoElement);
    expect(videoElement.muted).toBe(true);
    expect(videoElement.playsInline).toBe(true);
    expect(audio.attach).toHaveBeenCalledWith(host.querySelector('audio'));
    expect(reports).toContainEqual({ type: 'ready' });
  });

  it('holds commands until the room is joined, then publishes them reliably under their topic', async () => {
    const early = stage.publish('agent-control', '{"event_type":"avatar.speak_text","text":"Привет"}');
    expect(room.published).toEqual([]);

    await stage.join('wss://lk', 't');
    await early;

    expect(room.published).toEqual([
      { payload: '{"event_type":"avatar.speak_text","text":"Привет"}', options: { reliable: true, topic: 'agent-control' } },
    ]);
  });

  it('hands the avatar events of the data channel to the server', async () => {
    await stage.join('wss://lk', 't');
    room.emit('dataReceived', new TextEncoder().encode('{"event_type":"avatar.speak_started"}'), avatar, 0, 'agent-response');

    expect(reports).toContainEqual({ type: 'data', topic: 'agent-response', payload: '{"event_type":"avatar.speak_started"}' });
  });

  it('reports its own connection quality, reconnects, speakers and losing the room', async () => {
    await stage.join('wss://lk', 't');
    room.emit('connectionQualityChanged', 'poor', { identity: 'me', isLocal: true });
    room.emit('connectionQualityChanged', 'lost', avatar);
    room.emit('activeSpeakersChanged', [avatar]);
    room.emit('reconnecting');
    room.emit('disconnected', 'SERVER_SHUTDOWN');

    expect(reports).toEqual([
      { type: 'connection', quality: 'poor' },
      { type: 'audible', active: true },
      { type: 'connection', quality: 'poor' },
      { type: 'failed', reason: "disconnected from the avatar's room (SERVER_SHUTDOWN)" },
    ]);
  });

  it('says so when it cannot join', async () => {
    room.failConnect = true;
    await stage.join('wss://lk', 'expired');

    expect(reports[0]).toMatchObject({ type: 'failed' });
    expect(String(reports[0].reason)).toContain('401 invalid token');
  });

  it('offers a tap for sound when the browser blocks it', async () => {
    await stage.join('wss://lk', 't');
    room.canPlaybackAudio = false;
    room.emit('audioPlaybackChanged');
    const unmute = host.querySelector('button')!;
    expect(unmute.hidden).toBe(false);
    expect(unmute.textContent).toBe('Tap for sound');

    unmute.click();
    await Promise.resolve();
    expect(room.canPlaybackAudio).toBe(true);
  });

  it('leaves quietly: detaches, disconnects and reports no failure', async () => {
    await stage.join('wss://lk', 't');
    stage.leave();
    room.emit('disconnected', 'CLIENT_INITIATED');

    expect(room.disconnected).toBe(true);
    expect(host.querySelector('video')).toBeNull();
    expect(reports.filter((r) => r.type === 'failed')).toEqual([]);
  });

  it('publishes the person’s own microphone track once, as theirs to stop, and turns it on and off', async () => {
    const microphone = { kind: 'audio' };
    const on = stage.useMicrophone(microphone as unknown as MediaStreamTrack, true);
    await stage.join('wss://lk', 't');
    await on;
    await stage.useMicrophone(undefined, false);
    await stage.useMicrophone(microphone as unknown as MediaStreamTrack, true);

    expect(room.tracks).toHaveLength(1);
    const { track, options } = room.tracks[0];
    expect(track.mediaStreamTrack).toBe(microphone);
    expect(track.userProvided).toBe(true);
    expect(options).toEqual({ source: 'microphone' });
    expect(track.muted).toBe(false);
    await stage.useMicrophone(undefined, false);
    expect(track.muted).toBe(true);

    stage.leave();
    expect(room.disconnectStopsTracks).toBe(false); // the call's voice input stops its own microphone
  });
});
