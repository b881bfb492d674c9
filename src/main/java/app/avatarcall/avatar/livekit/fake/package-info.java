/**
 * An in-process LiveKit server API: the Twirp {@code RoomService} endpoints the app uses (create, list and delete
 * rooms, list participants), with protobuf bodies, bearer tokens signed by the API secret and checked for the
 * grants LiveKit requires, and Twirp's error shape. On with the {@code fake-livekit} profile. Media cannot be
 * faked here: a browser cannot join these rooms.
 */
@NullMarked
package app.avatarcall.avatar.livekit.fake;

import org.jspecify.annotations.NullMarked;
