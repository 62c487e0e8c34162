package com.breakagency.ports.error;

/**
 * A stand-in for a throwable whose message was redacted: it keeps the original class name, the stack
 * trace, the (redacted) cause chain and suppressed exceptions. Made by {@link Redaction#redact(Throwable)}.
 *
 * <p>Logging frameworks print a throwable's runtime class and {@link #getMessage()}, not its
 * {@link #toString()}; so the message starts with the original class name
 * ({@code java.io.IOException: connection refused}), and a logged stack trace still says what was
 * thrown at every level of the cause chain. {@link #toString()} returns the same text, so
 * {@link #printStackTrace()} reads like the original's. {@link #redactedMessage()} is the bare message.
 */
public final class RedactedThrowable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The class name of the throwable this one stands for. */
    private final String originalClassName;
    /** The original's message with emails and secrets taken out. */
    private final String redactedMessage;

    /**
     * Makes a stand-in.
     *
     * @param originalClassName the class name of the throwable it stands for
     * @param redactedMessage   its message after redaction, or null
     * @param cause             the stand-in for its cause, or null
     */
    public RedactedThrowable(String originalClassName, String redactedMessage, RedactedThrowable cause) {
        super(redactedMessage == null ? originalClassName : originalClassName + ": " + redactedMessage, cause);
        this.originalClassName = originalClassName;
        this.redactedMessage = redactedMessage;
    }

    /**
     * The class name of the throwable this stands for.
     *
     * @return a fully qualified class name
     */
    public String originalClassName() {
        return originalClassName;
    }

    /**
     * The original throwable's message after redaction, without the class name.
     *
     * @return the redacted message, or null if the original had none
     */
    public String redactedMessage() {
        return redactedMessage;
    }

    /**
     * The original class name and the redacted message, as the original's {@code toString()} would read.
     *
     * @return such as {@code java.lang.IllegalStateException: refresh for [email] failed}
     */
    @Override
    public String toString() {
        return getMessage();
    }
}
