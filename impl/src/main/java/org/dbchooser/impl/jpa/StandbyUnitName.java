package org.dbchooser.impl.jpa;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/** Which standby's unit a {@link ContainerStandbyUnit} holds: the unit's name, as {@code db_chooser.slave-unit} lists it. */
@Qualifier
@Retention(RUNTIME)
@Target({TYPE, FIELD, METHOD, PARAMETER})
public @interface StandbyUnitName {

    String value();

    /** The qualifier for the unit named {@code value}. */
    @SuppressWarnings("all")
    final class Literal extends AnnotationLiteral<StandbyUnitName> implements StandbyUnitName {

        private static final long serialVersionUID = 1L;
        private final String value;

        public Literal(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }
}
