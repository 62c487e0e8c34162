package com.breakagency.spring.boot.web;

import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.error.Problem;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;

/**
 * Renders every {@link BreakException} a controller lets escape as RFC 9457 {@code application/problem+json}
 * through Spring's {@link ProblemDetail}: the members of {@link Problem#of(BreakException, OperationContext)}
 * ({@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}, and Break's {@code code},
 * {@code reason}, {@code retryable}, {@code correlationId}, {@code errors}, {@code retryAfterSeconds}), the HTTP
 * status of the code, a {@code Retry-After} header when the error says when to retry and an
 * {@value OperationContextArgumentResolver#CORRELATION_HEADER} header. Ranked before a host's unordered advice,
 * so a catch-all handler of the host's does not take Break's errors.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 100)
public class BreakProblemHandler {

    /** Created by the auto-configuration. */
    public BreakProblemHandler() {
    }

    /**
     * The problem response of an error.
     *
     * @param error   what escaped the controller
     * @param request the request, whose correlation id the problem names
     * @return the response
     */
    @ExceptionHandler(BreakException.class)
    public ResponseEntity<ProblemDetail> handle(BreakException error, NativeWebRequest request) {
        Optional<String> correlationId = OperationContextArgumentResolver.knownCorrelationId(request);
        Problem problem = Problem.of(error, correlationId.isPresent() && !carriesCorrelationId(error)
                ? new OperationContext(Actor.system(), correlationId.get(), Optional.empty()) : null);
        ProblemDetail body = ProblemDetail.forStatus(HttpStatusCode.valueOf(problem.status()));
        body.setType(URI.create(problem.type()));
        body.setTitle(problem.title());
        body.setDetail(problem.detail());
        if (problem.instance() != null) {
            body.setInstance(URI.create(problem.instance()));
        }
        body.setProperty("code", problem.code());
        body.setProperty("reason", problem.reason());
        body.setProperty("retryable", problem.retryable());
        body.setProperty("correlationId", problem.correlationId());
        body.setProperty("errors", errors(problem.errors()));
        if (problem.retryAfterSeconds() != null) {
            body.setProperty("retryAfterSeconds", problem.retryAfterSeconds());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.correlationId() != null) {
            response.header(OperationContextArgumentResolver.CORRELATION_HEADER, problem.correlationId());
        }
        if (problem.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
        }
        return response.body(body);
    }

    /** An error that names the call's correlation id (a call made without a context) keeps it. */
    private static boolean carriesCorrelationId(BreakException error) {
        return error.metadata().containsKey(BreakException.CORRELATION_ID);
    }

    private static List<Map<String, String>> errors(List<FieldError> errors) {
        return errors.stream().map(e -> {
            Map<String, String> member = new LinkedHashMap<>();
            member.put("pointer", e.pointer());
            member.put("constraint", e.constraint());
            member.put("message", e.message());
            return member;
        }).toList();
    }
}
