package com.breakagency.testkit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Captures what Break logs, for assertions; needs logback-classic on the test classpath. Attach in a
 * test, read {@link #events()} or {@link #allText()}, and {@link #close()} afterwards.
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.of("com.breakagency")) { ... }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new SnapshotListAppender();

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

    private LogCapture(String loggerName) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
    }

    /**
     * Starts capturing a logger and its children.
     *
     * @param loggerName such as {@code com.breakagency}
     * @return the capture
     */
    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    /**
     * The captured events.
     *
     * @return a snapshot
     */
    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /**
     * The captured events at one level name (ERROR, WARN, INFO, DEBUG).
     *
     * @param level the level name
     * @return a snapshot
     */
    public List<ILoggingEvent> events(String level) {
        return events().stream().filter(e -> e.getLevel().toString().equals(level)).toList();
    }

    /**
     * Everything an appender could write for the captured events: formatted messages, MDC, and every
     * throwable in the chain with its message and stack frames. Search it for what must never appear.
     *
     * @return the text
     */
    public String allText() {
        return events().stream().map(LogCapture::render).collect(Collectors.joining("\n"));
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

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
