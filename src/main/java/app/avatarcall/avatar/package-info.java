/**
 * The avatar SPI: what a call needs from a real-time avatar, whoever renders it.
 * <p>
 * An {@link app.avatarcall.avatar.AvatarProvider} opens an {@link app.avatarcall.avatar.AvatarSession}; the session
 * tells the browser how to show the avatar ({@link app.avatarcall.avatar.StageSetup}), takes commands
 * ({@code speak}, {@code interrupt}, {@code showEmotion}) and reports what happened as
 * {@link app.avatarcall.avatar.AvatarEvent} records. Some vendors take commands over the browser's media connection
 * (LiveKit data channel), so a session may send commands through the {@link app.avatarcall.avatar.StageChannel} the
 * page attaches, and it hears back from the page through {@link app.avatarcall.avatar.StageReport}s.
 * Vendors live in sub-packages; nothing outside this package depends on them.
 */
@NullMarked
package app.avatarcall.avatar;

import org.jspecify.annotations.NullMarked;
