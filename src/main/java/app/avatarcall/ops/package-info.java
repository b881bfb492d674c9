/**
 * Running the product: its metrics (Micrometer, scraped at {@code /actuator/prometheus}), made from the events the
 * call feature publishes, so that nothing in a call waits on monitoring; health indicators for the vendors it depends
 * on (from what is already known of them, so that a probe never costs a paid API call); and, in {@code privacy},
 * transcripts, their retention and people's data.
 */
@NullMarked
package app.avatarcall.ops;

import org.jspecify.annotations.NullMarked;
