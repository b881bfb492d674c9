/**
 * What is kept of people, and their say over it: transcripts (off unless an operator turns them on, then kept a
 * retention of days), and a Telegram user's data exported or erased on request (GDPR), every change audited.
 * It knows other features' data only by their tables, read and deleted with SQL.
 */
@NullMarked
package app.avatarcall.ops.privacy;

import org.jspecify.annotations.NullMarked;
