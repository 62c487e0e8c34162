package com.breakagency.spring.boot.web;

import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller method's {@link OperationContext} parameter the request's actor, from the host's
 * {@link ActorResolver}, and a correlation id: the request's {@value #CORRELATION_HEADER} header when it has
 * the form of one, else a fresh one. A request without an actor never reaches the method: it is answered
 * UNAUTHENTICATED (401) by {@link BreakProblemHandler}, under the same correlation id.
 */
public class OperationContextArgumentResolver implements HandlerMethodArgumentResolver {

    /** The header a correlation id is read from and written to. */
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    /** The request attribute that holds the request's correlation id once it is known. */
    public static final String CORRELATION_ATTRIBUTE = OperationContextArgumentResolver.class.getName() + ".correlationId";

    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final ActorResolver actors;

    /**
     * A resolver asking the host's actor resolver.
     *
     * @param actors the host's resolver, or {@link ActorResolver#NOBODY}
     */
    public OperationContextArgumentResolver(ActorResolver actors) {
        this.actors = Objects.requireNonNull(actors, "actors");
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return OperationContext.class.equals(parameter.getParameterType());
    }

    @Override
    public OperationContext resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                            NativeWebRequest request, WebDataBinderFactory binders) {
        HttpServletRequest servlet = Objects.requireNonNull(request.getNativeRequest(HttpServletRequest.class),
                "an OperationContext is resolved for servlet requests only");
        String correlationId = correlationId(servlet);
        Optional<Actor> actor = actors.resolve(servlet);
        if (actor == null || actor.isEmpty()) {
            throw BreakException.builder(ErrorCode.UNAUTHENTICATED).reason("NO_ACTOR")
                    .detail("The request is not authenticated.")
                    .metadata(BreakException.CORRELATION_ID, correlationId).build();
        }
        return OperationContext.of(actor.get(), correlationId);
    }

    /**
     * The request's correlation id, decided once per request and kept as {@link #CORRELATION_ATTRIBUTE}.
     *
     * @param request the request
     * @return the header's id when it has the form of one, else a fresh one
     */
    public static String correlationId(HttpServletRequest request) {
        Object known = request.getAttribute(CORRELATION_ATTRIBUTE);
        if (known instanceof String id) {
            return id;
        }
        String header = request.getHeader(CORRELATION_HEADER);
        String id = header != null && CORRELATION_ID.matcher(header).matches() ? header : UUID.randomUUID().toString();
        request.setAttribute(CORRELATION_ATTRIBUTE, id);
        return id;
    }

    /**
     * The correlation id already decided for a request, if any.
     *
     * @param request the request
     * @return the id
     */
    static Optional<String> knownCorrelationId(NativeWebRequest request) {
        Object known = request.getAttribute(CORRELATION_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return known instanceof String id ? Optional.of(id) : Optional.empty();
    }
}
