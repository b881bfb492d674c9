/**
 * The call's screens: ringing, connecting, in call, and over. One view hosts them and swaps them as the call's state
 * changes; the avatar stage stays in the page throughout so that it is ready the moment the person answers.
 */
@NullMarked
package app.avatarcall.call.ui;

import org.jspecify.annotations.NullMarked;
