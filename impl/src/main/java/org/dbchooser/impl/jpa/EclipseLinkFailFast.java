package org.dbchooser.impl.jpa;

import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * For EclipseLink units (Payara's provider): a read that meets a connection failure fails
 * at once, so that dbchooser decides where it runs next. By default EclipseLink runs a
 * read outside a transaction again, up to three times, 5 s apart, when its connection
 * fails: a stopped slave then holds each read (and each check of the replica monitor)
 * for 10 s before dbchooser can send it to the master, and a stopped master delays its
 * 503 as long. Named in both units' properties:
 * {@code <property name="eclipselink.session.customizer" value="org.dbchooser.impl.jpa.EclipseLinkFailFast"/>}.
 */
public final class EclipseLinkFailFast implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
    }
}
