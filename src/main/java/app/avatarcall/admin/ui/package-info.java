/** The admin console under {@code /admin}: its layout, sign-in, first-run set-up and the operators' screens. */
@NullMarked
package app.avatarcall.admin.ui;

import org.jspecify.annotations.NullMarked;
