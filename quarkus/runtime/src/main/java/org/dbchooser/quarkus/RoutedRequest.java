package org.dbchooser.quarkus;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Binds {@link RequestFrameInterceptor} to a REST resource class. The extension adds it,
 * when the application is built, to every class with {@code @Path}: Quarkus REST passes
 * no request through a servlet filter, and a response filter may not run when a
 * resource method throws.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RoutedRequest {
}
