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
 * reads from the slave.
 *
 * <p>Inside a transaction that has already used the master, the work stays on the master
 * so that it sees that transaction's own writes. A method annotation beats a class
 * annotation. A write attempted on the slave route fails with {@link SlaveWriteException}
 * before anything is sent to a server.
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ReadOnly {
}
