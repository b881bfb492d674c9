/**
 * The built-in demo avatar: a face drawn by the browser's {@code avatar-stage}, speaking with the browser's speech
 * synthesis. Needs no keys and no network, so anyone can try the whole product and every test runs on it.
 */
@NullMarked
package app.avatarcall.avatar.demo;

import org.jspecify.annotations.NullMarked;
