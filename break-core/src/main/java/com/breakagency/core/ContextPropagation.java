package com.breakagency.core;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import org.slf4j.MDC;

/**
 * Carries the calling thread's logging context (the SLF4J MDC: {@code operation}, {@code userId},
 * {@code correlationId} and whatever the host put there) to work that runs on another thread, and
 * restores that thread's own context afterwards.
 *
 * <pre>{@code
 * executor.execute(ContextPropagation.wrap(() -> agency.crm().getBrand(ctx, id)));
 * }</pre>
 */
public final class ContextPropagation {

    private ContextPropagation() {
    }

    /**
     * Wraps a task so it runs with the MDC captured now.
     *
     * @param task the task
     * @return a task that sets the captured MDC, runs, and restores the running thread's MDC
     */
    public static Runnable wrap(Runnable task) {
        Objects.requireNonNull(task, "task");
        Map<String, String> captured = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> previous = MDC.getCopyOfContextMap();
            set(captured);
            try {
                task.run();
            } finally {
                set(previous);
            }
        };
    }

    /**
     * Wraps a task so it runs with the MDC captured now.
     *
     * @param task the task
     * @param <T>  its result type
     * @return a task that sets the captured MDC, runs, and restores the running thread's MDC
     */
    public static <T> Callable<T> wrap(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        Map<String, String> captured = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> previous = MDC.getCopyOfContextMap();
            set(captured);
            try {
                return task.call();
            } finally {
                set(previous);
            }
        };
    }

    /**
     * An executor that carries the submitting thread's MDC into every task.
     *
     * @param delegate the executor that runs the tasks
     * @return the wrapping executor
     */
    public static Executor wrap(Executor delegate) {
        Objects.requireNonNull(delegate, "delegate");
        return task -> delegate.execute(wrap(task));
    }

    private static void set(Map<String, String> context) {
        if (context == null || context.isEmpty()) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
