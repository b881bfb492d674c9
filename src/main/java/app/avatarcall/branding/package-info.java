/**
 * Branding: the operator's look of the call screens (colours, colour scheme, logo, portrait, where the chat sits,
 * captions, ringtone, motion) and their own words for a few of the screens' texts. One look for the whole app, kept
 * in the database; its defaults are the app's own look, so nothing changes until an operator edits it.
 */
@NullMarked
package app.avatarcall.branding;

import org.jspecify.annotations.NullMarked;
