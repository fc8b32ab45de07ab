package org.dbchooser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * The annotated method (or every business method of the annotated class or stereotype)
 * runs on the master, whatever the HTTP request or the caller chose. When it returns,
 * the caller is back on its own route. A method annotation beats a class annotation.
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Master {
}
