package com.breakagency.ports.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text component (such as a note's text) that may hold line feeds, carriage returns and tabs.
 * Every other control character stays forbidden in it, as in every text (see {@link InputLimits}); a
 * component without this mark may hold none.
 */
@Documented
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface Multiline {
}
