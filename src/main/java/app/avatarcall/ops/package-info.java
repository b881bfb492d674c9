/**
 * Running the product: its metrics (Micrometer, scraped at {@code /actuator/prometheus}), made from the events the
 * call feature publishes, so that nothing in a call waits on monitoring.
 */
@NullMarked
package app.avatarcall.ops;

import org.jspecify.annotations.NullMarked;
