package com.breakagency.testkit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Captures what Break logs, for assertions. Attach in a test, read {@link #events()} or
 * {@link #allText()}, and {@link #close()} afterwards.
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.of("com.breakagency")) { ... }
 * }</pre>
 *
 * <p>It needs logback-classic as the SLF4J backend of the tests ({@code ch.qos.logback:logback-classic}
 * in test scope, and no other SLF4J provider on the test classpath): it attaches a logback appender, and
 * its events are logback's. With another backend, or none, {@link #of} says so with an
 * {@link IllegalStateException} instead of failing later with a {@code ClassCastException} or
 * {@code NoClassDefFoundError}. Break's own code logs through the SLF4J API only, so the host's backend
 * in production is the host's choice.
 */
public final class LogCapture implements AutoCloseable {

    /** The class of logback-classic's SLF4J logger factory. */
    static final String LOGBACK_FACTORY = "ch.qos.logback.classic.LoggerContext";

    /** The logback side, in its own class so that LogCapture loads, and can explain, without logback. */
    private final Logback logback;

    private LogCapture(String loggerName) {
        this.logback = new Logback(loggerName);
    }

    /**
     * Starts capturing a logger and its children.
     *
     * @param loggerName such as {@code com.breakagency}
     * @return the capture
     * @throws NullPointerException  if the name is null
     * @throws IllegalStateException if SLF4J is not bound to logback-classic; the message says how to add it
     */
    public static LogCapture of(String loggerName) {
        Objects.requireNonNull(loggerName, "loggerName");
        ILoggerFactory factory;
        try {
            factory = LoggerFactory.getILoggerFactory();
        } catch (LinkageError noSlf4j) {
            throw new IllegalStateException(needsLogback("the SLF4J API is not on the classpath"), noSlf4j);
        }
        requireLogback(factory);
        return new LogCapture(loggerName);
    }

    /**
     * Checks that SLF4J's logger factory is logback-classic's, by class name, so that no logback class is
     * touched before it is known to be there.
     *
     * @param factory the bound factory
     * @throws IllegalStateException if it is another backend's
     */
    static void requireLogback(ILoggerFactory factory) {
        String bound = factory == null ? "no logger factory" : factory.getClass().getName();
        if (!LOGBACK_FACTORY.equals(bound)) {
            throw new IllegalStateException(needsLogback("SLF4J is bound to " + bound));
        }
    }

    private static String needsLogback(String found) {
        return "LogCapture needs logback-classic as the SLF4J backend of your tests, but " + found + ". Add "
                + "ch.qos.logback:logback-classic to your test dependencies (Maven: <scope>test</scope>; Gradle: "
                + "testImplementation) and keep other SLF4J providers (slf4j-simple, log4j-slf4j2-impl, "
                + "slf4j-reload4j, ...) off the test classpath.";
    }

    /**
     * The captured events.
     *
     * @return a snapshot
     */
    public List<ILoggingEvent> events() {
        return logback.events();
    }

    /**
     * The captured events at one level name (ERROR, WARN, INFO, DEBUG).
     *
     * @param level the level name
     * @return a snapshot
     */
    public List<ILoggingEvent> events(String level) {
        return logback.events(level);
    }

    /**
     * Everything an appender could write for the captured events: formatted messages, MDC, and every
     * throwable in the chain with its message and stack frames. Search it for what must never appear.
     *
     * @return the text
     */
    public String allText() {
        return logback.allText();
    }

    @Override
    public void close() {
        logback.close();
    }

    /** An appender attached to one logback logger. */
    private static final class Logback {

        private final Logger logger;
        private final ListAppender<ILoggingEvent> appender = new SnapshotListAppender();

        Logback(String loggerName) {
            this.logger = (Logger) LoggerFactory.getLogger(loggerName);
            appender.setContext(logger.getLoggerContext());
            appender.start();
            logger.addAppender(appender);
        }

        List<ILoggingEvent> events() {
            synchronized (appender) {
                return List.copyOf(appender.list);
            }
        }

        List<ILoggingEvent> events(String level) {
            return events().stream().filter(e -> e.getLevel().toString().equals(level)).toList();
        }

        String allText() {
            return events().stream().map(Logback::render).collect(Collectors.joining("\n"));
        }

        void close() {
            logger.detachAppender(appender);
            appender.stop();
        }

        private static String render(ILoggingEvent event) {
            StringBuilder out = new StringBuilder();
            out.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ')
                    .append(event.getFormattedMessage());
            Map<String, String> mdc = event.getMDCPropertyMap();
            out.append(' ').append(mdc);
            IThrowableProxy proxy = event.getThrowableProxy();
            while (proxy != null) {
                out.append("\n").append(proxy.getClassName()).append(": ").append(proxy.getMessage());
                for (StackTraceElementProxy frame : proxy.getStackTraceElementProxyArray()) {
                    out.append("\n\t").append(frame.getSTEAsString());
                }
                for (IThrowableProxy suppressed : proxy.getSuppressed()) {
                    out.append("\nSuppressed: ").append(suppressed.getClassName()).append(": ").append(suppressed.getMessage());
                }
                proxy = proxy.getCause();
            }
            return out.toString();
        }

        /**
         * Keeps each event with its MDC and message as they were when it was logged: logback reads the
         * MDC lazily, and by the time a test looks, the boundary has restored it.
         */
        private static final class SnapshotListAppender extends ListAppender<ILoggingEvent> {
            @Override
            protected void append(ILoggingEvent event) {
                event.prepareForDeferredProcessing();
                super.append(event);
            }
        }
    }
}
