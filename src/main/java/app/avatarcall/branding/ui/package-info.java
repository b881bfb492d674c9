/** The console's branding page: the form, and a live preview of the ringing screen with the draft applied. */
@NullMarked
package app.avatarcall.branding.ui;

import org.jspecify.annotations.NullMarked;
