package app.avatarcall.avatar;

/** The media connection as the browser sees it (LiveKit's scale; the demo face is always EXCELLENT). */
public enum ConnectionQuality {
    EXCELLENT, GOOD, POOR, LOST
}
