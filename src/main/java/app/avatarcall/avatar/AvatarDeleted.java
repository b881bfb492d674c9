package app.avatarcall.avatar;

/** An operator deleted an avatar: what was kept for it alone (its knowledge) went with it. */
public record AvatarDeleted(String id) {
}
