package com.breakagency.spring.boot.web;

import com.breakagency.spring.boot.BreakAutoConfiguration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC support, only in a servlet web application with Spring MVC: {@link BreakProblemHandler} and the
 * {@link OperationContextArgumentResolver}. Off with {@code break.web.enabled=false}.
 */
@AutoConfiguration(after = BreakAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnProperty(prefix = "break.web", name = "enabled", matchIfMissing = true)
public class BreakWebAutoConfiguration {

    /** Created by Spring. */
    public BreakWebAutoConfiguration() {
    }

    /**
     * Renders Break's errors as problem+json.
     *
     * @return the advice
     */
    @Bean
    @ConditionalOnMissingBean(BreakProblemHandler.class)
    public BreakProblemHandler breakProblemHandler() {
        return new BreakProblemHandler();
    }

    /**
     * Registers the {@link com.breakagency.ports.context.OperationContext} argument resolver, asking the host's {@link ActorResolver}.
     *
     * @param actors the host's resolver, if any; without one every request is UNAUTHENTICATED
     * @return the configurer
     */
    @Bean
    public WebMvcConfigurer breakOperationContextConfigurer(ObjectProvider<ActorResolver> actors) {
        OperationContextArgumentResolver resolver =
                new OperationContextArgumentResolver(actors.getIfUnique(() -> ActorResolver.NOBODY));
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(resolver);
            }
        };
    }
}
