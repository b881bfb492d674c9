/**
 * Running the app: health indicators for the vendors it depends on (from what is already known of them, so that a
 * probe never costs a paid API call), and, in {@code privacy}, transcripts, their retention and people's data.
 */
@NullMarked
package app.avatarcall.ops;

import org.jspecify.annotations.NullMarked;
