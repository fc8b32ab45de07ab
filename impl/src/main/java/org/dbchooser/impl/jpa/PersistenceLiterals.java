package org.dbchooser.impl.jpa;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceContextType;
import jakarta.persistence.PersistenceProperty;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.SynchronizationType;

/** {@code @PersistenceContext} and {@code @PersistenceUnit} with the unit names read from the configuration. */
public final class PersistenceLiterals {

    private PersistenceLiterals() {
    }

    public static PersistenceContext context(String unitName) {
        return new ContextLiteral(unitName);
    }

    public static PersistenceUnit unit(String unitName) {
        return new UnitLiteral(unitName);
    }

    @SuppressWarnings("all")
    private static final class ContextLiteral extends AnnotationLiteral<PersistenceContext> implements PersistenceContext {

        private static final long serialVersionUID = 1L;
        private final String unitName;

        ContextLiteral(String unitName) {
            this.unitName = unitName;
        }

        @Override
        public String name() {
            return "";
        }

        @Override
        public String unitName() {
            return unitName;
        }

        @Override
        public PersistenceContextType type() {
            return PersistenceContextType.TRANSACTION;
        }

        @Override
        public SynchronizationType synchronization() {
            return SynchronizationType.SYNCHRONIZED;
        }

        @Override
        public PersistenceProperty[] properties() {
            return new PersistenceProperty[0];
        }
    }

    @SuppressWarnings("all")
    private static final class UnitLiteral extends AnnotationLiteral<PersistenceUnit> implements PersistenceUnit {

        private static final long serialVersionUID = 1L;
        private final String unitName;

        UnitLiteral(String unitName) {
            this.unitName = unitName;
        }

        @Override
        public String name() {
            return "";
        }

        @Override
        public String unitName() {
            return unitName;
        }
    }
}
