/**
 * HeyGen Interactive Avatar (https://docs.heygen.com, streaming API with {@code version: "v2"} over LiveKit), the
 * legacy HeyGen real-time avatar that LiveAvatar replaces: off unless {@code AVATAR_PROVIDER=heygen}. Every command is
 * a REST call made from the server with a session token minted by the API key, which never reaches the browser; the
 * browser only joins the LiveKit room. The {@code fake} sub-package serves the same API in-process for tests and for
 * local runs without a key.
 */
@NullMarked
package app.avatarcall.avatar.heygen;

import org.jspecify.annotations.NullMarked;
