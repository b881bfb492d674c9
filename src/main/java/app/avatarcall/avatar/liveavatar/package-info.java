/**
 * HeyGen LiveAvatar (https://docs.liveavatar.com), the current HeyGen real-time avatar: its REST API, called from the
 * server only, with the API key that never reaches the browser. The {@code fake} sub-package serves the same API
 * in-process for tests and for local runs without a key.
 */
@NullMarked
package app.avatarcall.avatar.liveavatar;

import org.jspecify.annotations.NullMarked;
