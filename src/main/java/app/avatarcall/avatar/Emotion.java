package app.avatarcall.avatar;

/** The expressions every avatar understands; vendors map them to what they have. */
public enum Emotion {
    NEUTRAL, HAPPY, SAD, SURPRISED, THINKING
}
