/**
 * What the avatar says back: Talk and Repeat, the built-in knowledge-base responder, and the rules a message must
 * meet before anyone answers it.
 */
@NullMarked
package app.avatarcall.conversation;

import org.jspecify.annotations.NullMarked;
