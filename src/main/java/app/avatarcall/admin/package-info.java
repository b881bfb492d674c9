/**
 * The admin console's back end: who may enter (an admin account set by configuration or at first run, and Telegram
 * users listed as admins), the security of the whole app's HTTP surface, and an audit trail of every change.
 * Its views, in {@code ui}, compose the public APIs of the other features.
 */
@NullMarked
package app.avatarcall.admin;

import org.jspecify.annotations.NullMarked;
