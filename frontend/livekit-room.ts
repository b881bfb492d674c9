/**
 * The avatar's LiveKit room, as the stage sees it: joins with the client token the server handed over, shows only
 * the avatar participant's video and audio, asks for a tap when the browser blocks sound, publishes the commands
 * the server sends on the data channel and reports what happens. Loaded only when a call uses a LiveKit avatar, so
 * `livekit-client` never weighs on the ringing screen. When the provider hears the person itself, the person's
 * microphone is published into the room too (muted whenever they are not speaking to the avatar).
 */
import {
  ConnectionQuality,
  LocalAudioTrack,
  type Participant,
  type RemoteParticipant,
  type RemoteTrack,
  Room,
  RoomEvent,
  Track,
} from 'livekit-client';

export type Report = (detail: Record<string, unknown>) => void;

const QUALITY: Record<string, string> = {
  [ConnectionQuality.Excellent]: 'excellent',
  [ConnectionQuality.Good]: 'good',
  [ConnectionQuality.Poor]: 'poor',
  [ConnectionQuality.Lost]: 'lost',
};

export class LiveKitRoom {
  readonly room = new Room({ adaptiveStream: true, dynacast: true });
  private readonly video = document.createElement('video');
  private readonly audio = document.createElement('audio');
  private readonly unmute = document.createElement('button');
  private readonly connected: Promise<void>;
  private markConnected!: () => void;
  private hasVideo = false;
  private hasAudio = false;
  private left = false;
  private microphone?: LocalAudioTrack;

  constructor(
    host: ParentNode,
    private readonly avatarIdentity: string,
    private readonly report: Report,
    unmuteLabel: string,
  ) {
    this.connected = new Promise((resolve) => (this.markConnected = resolve));
    this.video.playsInline = true;
    this.video.muted = true; // the sound plays from the audio element, so autoplay rules allow the picture
    this.video.autoplay = true;
    this.video.className = 'video';
    this.unmute.className = 'unmute';
    this.unmute.type = 'button';
    this.unmute.textContent = unmuteLabel;
    this.unmute.hidden = true;
    this.unmute.addEventListener('click', () => void this.room.startAudio());
    host.append(this.video, this.audio, this.unmute);
    this.listen();
  }

  async join(url: string, token: string): Promise<void> {
    void this.room.prepareConnection(url, token);
    try {
      await this.room.connect(url, token);
      this.markConnected();
      this.room.remoteParticipants.forEach((participant) =>
        participant.trackPublications.forEach((publication) => {
          if (publication.track) {
            this.onTrack(publication.track as RemoteTrack, participant);
          }
        }),
      );
    } catch (error) {
      this.report({ type: 'failed', reason: `could not join the avatar's room: ${String(error)}` });
    }
  }

  /** Publishes on the data channel once the room is joined; commands sent before then wait for it. */
  async publish(topic: string, payload: string): Promise<void> {
    await this.connected;
    if (!this.left) {
      await this.room.localParticipant.publishData(new TextEncoder().encode(payload), { reliable: true, topic });
    }
  }

  /**
   * Publishes the person's microphone track once (the call's own stream: LiveKit must not stop it) and turns it on
   * or off; a track that is off sends silence, so the provider hears only what the person means it to.
   */
  async useMicrophone(track: MediaStreamTrack | undefined, on: boolean): Promise<void> {
    await this.connected;
    if (this.left) {
      return;
    }
    if (track && !this.microphone) {
      this.microphone = new LocalAudioTrack(track, undefined, true);
      await this.room.localParticipant.publishTrack(this.microphone, { source: Track.Source.Microphone });
    }
    if (on) {
      await this.microphone?.unmute();
    } else {
      await this.microphone?.mute();
    }
  }

  leave(): void {
    this.left = true;
    this.room.remoteParticipants.forEach((participant) =>
      participant.trackPublications.forEach((publication) => publication.track?.detach()),
    );
    void this.room.disconnect(false); // the microphone belongs to the call's voice input, which stops it
    this.video.remove();
    this.audio.remove();
    this.unmute.remove();
  }

  private listen(): void {
    this.room
      .on(RoomEvent.TrackSubscribed, (track, _publication, participant) => this.onTrack(track, participant))
      .on(RoomEvent.TrackUnsubscribed, (track) => track.detach())
      .on(RoomEvent.DataReceived, (payload, _participant, _kind, topic) =>
        this.report({ type: 'data', topic: topic ?? '', payload: new TextDecoder().decode(payload) }),
      )
      .on(RoomEvent.ActiveSpeakersChanged, (speakers: Participant[]) =>
        this.report({ type: 'audible', active: speakers.some((s) => s.identity === this.avatarIdentity) }),
      )
      .on(RoomEvent.ConnectionQualityChanged, (quality, participant) => {
        if (participant.isLocal) {
          this.report({ type: 'connection', quality: QUALITY[quality] ?? 'good' });
        }
      })
      .on(RoomEvent.Reconnecting, () => this.report({ type: 'connection', quality: 'poor' }))
      .on(RoomEvent.Reconnected, () => this.report({ type: 'connection', quality: 'good' }))
      .on(RoomEvent.AudioPlaybackStatusChanged, () => (this.unmute.hidden = this.room.canPlaybackAudio))
      .on(RoomEvent.Disconnected, (reason) => {
        if (!this.left) {
          this.report({ type: 'failed', reason: `disconnected from the avatar's room (${reason ?? 'unknown'})` });
        }
      });
  }

  private onTrack(track: RemoteTrack, participant: RemoteParticipant): void {
    if (participant.identity !== this.avatarIdentity) {
      return; // the LiveAvatar agent and anyone else in the room are not shown
    }
    if (track.kind === Track.Kind.Video) {
      track.attach(this.video);
      this.hasVideo = true;
    } else if (track.kind === Track.Kind.Audio) {
      track.attach(this.audio);
      this.hasAudio = true;
      this.unmute.hidden = this.room.canPlaybackAudio;
    }
    if (this.hasVideo && this.hasAudio) {
      this.hasVideo = this.hasAudio = false; // report once per pair
      this.report({ type: 'ready' });
      this.report({ type: 'connection', quality: 'excellent' });
    }
  }
}
