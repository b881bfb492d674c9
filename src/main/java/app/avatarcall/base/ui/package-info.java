/** The app shell, the language choice and the small pieces every screen shares. */
@NullMarked
package app.avatarcall.base.ui;

import org.jspecify.annotations.NullMarked;
