package com.breakagency.ports.error;

/**
 * A stand-in for a throwable whose message was redacted: it keeps the original class name, the stack
 * trace, the (redacted) cause chain and suppressed exceptions. Made by {@link Redaction#redact(Throwable)};
 * its {@link #toString()} reads like the original's, so stack traces print as usual.
 */
public final class RedactedThrowable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String originalClassName;

    /**
     * Makes a stand-in.
     *
     * @param originalClassName the class name of the throwable it stands for
     * @param redactedMessage   its message after redaction, or null
     * @param cause             the stand-in for its cause, or null
     */
    public RedactedThrowable(String originalClassName, String redactedMessage, RedactedThrowable cause) {
        super(redactedMessage, cause);
        this.originalClassName = originalClassName;
    }

    /**
     * The class name of the throwable this stands for.
     *
     * @return a fully qualified class name
     */
    public String originalClassName() {
        return originalClassName;
    }

    @Override
    public String toString() {
        String message = getMessage();
        return message == null ? originalClassName : originalClassName + ": " + message;
    }
}
