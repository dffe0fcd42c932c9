package com.flowroute.numbers;

/**
 * How the SDK counts and shows message text. Message bodies are personal data: they never appear
 * in an exception message or a {@code toString()}, only their length does.
 */
final class MessageText {
    private MessageText() {}

    /** The characters of {@code text} as a reader sees them: Unicode code points, so an emoji is one. */
    static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    /** What stands for {@code text} in messages and {@code toString()}: its length only. */
    static Redacted redacted(String text) {
        return new Redacted(characters(text));
    }

    /** A body shown by its length; {@code toString()} is such as {@code (12 characters, not shown)}. */
    record Redacted(int characters) {
        @Override
        public String toString() {
            return "(" + characters + (characters == 1 ? " character" : " characters") + ", not shown)";
        }
    }
}
